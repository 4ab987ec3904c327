import { HOUR_MS, MINUTE_MS } from '@app/common/clock/clock';
import { fromShanghai } from '@app/common/clock/business-time';
import {
  CONFIRMED_AT,
  DRIVER,
  aDeliveredDelivery,
  anArrivedDelivery,
  anAssignedDelivery,
  at,
} from '../../testing/delivery-factories';
import { arrive, depart, pickUp } from './delivery-lifecycle';
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
    expect(() => confirmationTime(delivery, at(arrivedAt, -6 * MINUTE_MS), now)).toThrow(
      'before the arrival',
    );
    expect(confirmationTime(delivery, at(arrivedAt, -MINUTE_MS), now).deliveredAt).toEqual(
      arrivedAt,
    );
    const dayLater = at(arrivedAt, 24 * HOUR_MS + MINUTE_MS);
    expect(() => confirmationTime(delivery, at(arrivedAt, 0), dayLater)).toThrow('24 h');
    expect(confirmationTime(delivery, at(dayLater, -24 * HOUR_MS), dayLater).sentLate).toBe(true);
  });
});

describe('driver steps recorded offline (R-DEL-3, R-DEL-7)', () => {
  it('R-DEL-7: a check-out recorded before the service end and sent after it is still an early departure', () => {
    const delivered = aDeliveredDelivery();
    const leftAt = fromShanghai(2026, 1, 5, 11, 0);
    const sentAt = fromShanghai(2026, 1, 5, 12, 30);
    const { delivery, events } = depart(delivered, DRIVER, sentAt, leftAt);
    expect(delivery).toMatchObject({ departedAt: leftAt, leftEarly: true });
    expect(events.map((e) => e.type)).toEqual(['delivery.delivery.early-departure']);
  });

  it('R-DEL-3: pickup and check-in take the recorded times; the service end counts from the recorded arrival', () => {
    const assigned = anAssignedDelivery();
    const pickedAt = at(assigned.assignedAt!, 20 * MINUTE_MS);
    const sentAt = at(pickedAt, 2 * HOUR_MS);
    const picked = pickUp(assigned, DRIVER, sentAt, pickedAt).delivery;
    expect(picked.pickedUpAt).toEqual(pickedAt);
    const arrivedAt = at(pickedAt, 30 * MINUTE_MS);
    const arrived = arrive(picked, DRIVER, sentAt, arrivedAt).delivery;
    expect(arrived.arrivedAt).toEqual(arrivedAt);
    expect(arrived.serviceEndsAt).toEqual(arrive(picked, DRIVER, arrivedAt).delivery.serviceEndsAt);
  });

  it('R-DEL-3: a step recorded before the step it follows, in the future or over 24 h ago is refused', () => {
    const assigned = anAssignedDelivery();
    const now = at(assigned.assignedAt!, HOUR_MS);
    expect(() => pickUp(assigned, DRIVER, now, at(assigned.assignedAt!, -6 * MINUTE_MS))).toThrow(
      'before the assignment',
    );
    // a phone clock a minute behind the server's: pulled up to the assignment, not refused
    expect(
      pickUp(assigned, DRIVER, now, at(assigned.assignedAt!, -MINUTE_MS)).delivery.pickedUpAt,
    ).toEqual(assigned.assignedAt);
    expect(() => pickUp(assigned, DRIVER, now, at(now, 10 * MINUTE_MS))).toThrow('future');
    const picked = pickUp(assigned, DRIVER, now).delivery;
    expect(() => arrive(picked, DRIVER, at(now, 25 * HOUR_MS), at(now, 0))).toThrow('24 h');
    expect(() => depart(aDeliveredDelivery(), DRIVER, now, at(CONFIRMED_AT, 0))).toThrow(
      'before the hand-over',
    );
  });
});
