import { HOUR_MS, MINUTE_MS } from '@app/common/clock/clock';
import { anArrivedDelivery, at } from '../../testing/delivery-factories';
import { confirmationTime } from './late-confirmation';

describe('late confirmation (R-DEL-3)', () => {
  const delivery = anArrivedDelivery();
  const arrivedAt = delivery.arrivedAt!;
  const now = at(arrivedAt, 3 * HOUR_MS);

  it('R-DEL-3: without a recorded time the delivery time is now, not late', () => {
    expect(confirmationTime(delivery, undefined, now)).toEqual({
      deliveredAt: now,
      sentLate: false,
    });
  });

  it('R-DEL-3: late by more than 5 min is flagged; 5 min exactly is not', () => {
    const recorded = at(now, -5 * MINUTE_MS - 1);
    expect(confirmationTime(delivery, recorded, now)).toEqual({
      deliveredAt: recorded,
      sentLate: true,
    });
    const onTime = at(now, -5 * MINUTE_MS);
    expect(confirmationTime(delivery, onTime, now).sentLate).toBe(false);
  });

  it('R-DEL-3: a phone clock slightly ahead delivers now; far ahead, too old or before arrival is refused', () => {
    expect(confirmationTime(delivery, at(now, 2 * MINUTE_MS), now).deliveredAt).toEqual(now);
    expect(() => confirmationTime(delivery, at(now, 6 * MINUTE_MS), now)).toThrow('future');
    expect(() => confirmationTime(delivery, at(arrivedAt, -1), now)).toThrow('before the arrival');
    const dayLater = at(arrivedAt, 24 * HOUR_MS + MINUTE_MS);
    expect(() => confirmationTime(delivery, at(arrivedAt, 0), dayLater)).toThrow('24 h');
    expect(confirmationTime(delivery, at(dayLater, -24 * HOUR_MS), dayLater).sentLate).toBe(true);
  });
});
