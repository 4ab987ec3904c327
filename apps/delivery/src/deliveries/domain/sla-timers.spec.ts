import { HOUR_MS, MINUTE_MS } from '@app/common/clock/clock';
import {
  REQUESTED_TIME,
  aDeliveredDelivery,
  aPickedUpDelivery,
  aScheduledDelivery,
  anArrivedDelivery,
  anAssignedDelivery,
  at,
} from '../../testing/delivery-factories';
import { cancel } from './delivery-lifecycle';
import { fireDueTimers, hasDueTimer } from './sla-timers';

const atRiskTime = at(REQUESTED_TIME, -2 * HOUR_MS);

describe('at-risk check', () => {
  it('R-DEL-5: is not due before the lead time', () => {
    const delivery = aScheduledDelivery();
    expect(hasDueTimer(delivery, at(atRiskTime, -MINUTE_MS))).toBe(false);
    expect(fireDueTimers(delivery, at(atRiskTime, -MINUTE_MS))).toEqual({ delivery, events: [] });
  });

  it('R-DEL-5: a delivery not dispatched 2 h before its deadline is at risk, once', () => {
    const now = at(atRiskTime, MINUTE_MS);
    const first = fireDueTimers(anAssignedDelivery(), now);
    expect(first.events).toEqual([
      {
        type: 'delivery.delivery.at-risk',
        payload: expect.objectContaining({
          reason: 'not-dispatched',
          detectedAt: now.toISOString(),
        }),
      },
    ]);
    expect(first.delivery).toMatchObject({ atRiskDueAt: null, atRiskNotifiedAt: now });
    expect(fireDueTimers(first.delivery, at(now, MINUTE_MS)).events).toEqual([]);
  });

  it('R-DEL-5: a delivery still on the road within the lead time is at risk', () => {
    const { events } = fireDueTimers(aPickedUpDelivery(), atRiskTime);
    expect(events[0]?.payload).toMatchObject({ reason: 'on-the-road' });
  });

  it('R-DEL-5: a delivery already at the canteen is not at risk', () => {
    const { delivery, events } = fireDueTimers(anArrivedDelivery(), at(atRiskTime, MINUTE_MS));
    expect(events).toEqual([]);
    expect(delivery.atRiskDueAt).toBeNull();
  });

  it('R-DEL-5: the lead time is configurable', () => {
    const delivery = aScheduledDelivery({}, { atRiskDueAt: at(REQUESTED_TIME, -30 * MINUTE_MS) });
    expect(fireDueTimers(delivery, at(REQUESTED_TIME, -HOUR_MS)).events).toEqual([]);
    expect(fireDueTimers(delivery, at(REQUESTED_TIME, -29 * MINUTE_MS)).events).toHaveLength(1);
  });
});

describe('breach check', () => {
  it('R-DEL-5: not delivered by the deadline is a breach, fired once; the stale warning is dropped', () => {
    const now = at(REQUESTED_TIME, 5 * MINUTE_MS);
    const first = fireDueTimers(anAssignedDelivery(), now);
    expect(first.events).toEqual([
      {
        type: 'delivery.delivery.breached',
        payload: expect.objectContaining({
          driverId: 'driver-1',
          dispatcherId: 'dispatcher-1',
          detectedAt: now.toISOString(),
        }),
      },
    ]);
    expect(first.delivery).toMatchObject({ atRiskDueAt: null, breachDueAt: null });
    expect(first.delivery.breaches).toEqual([{ deadline: REQUESTED_TIME, detectedAt: now }]);
    expect(fireDueTimers(first.delivery, at(now, HOUR_MS)).events).toEqual([]);
  });

  it('R-DEL-5: a service that was down catches up: at-risk first, then the breach', () => {
    const warned = fireDueTimers(aScheduledDelivery(), at(atRiskTime, HOUR_MS));
    const breached = fireDueTimers(warned.delivery, at(REQUESTED_TIME, 3 * HOUR_MS));
    expect([...warned.events, ...breached.events].map((e) => e.type)).toEqual([
      'delivery.delivery.at-risk',
      'delivery.delivery.breached',
    ]);
    expect(breached.events[0].payload).not.toHaveProperty('driverId');
  });

  it('R-DEL-5: an arrived but uncounted delivery past its deadline is a breach', () => {
    expect(fireDueTimers(anArrivedDelivery(), REQUESTED_TIME).events.map((e) => e.type)).toEqual([
      'delivery.delivery.breached',
    ]);
  });

  it('R-DEL-5: delivered or cancelled deliveries have nothing due', () => {
    const late = at(REQUESTED_TIME, HOUR_MS);
    expect(hasDueTimer(aDeliveredDelivery(), late)).toBe(false);
    expect(hasDueTimer(cancel(aScheduledDelivery(), late).delivery, late)).toBe(false);
  });
});
