import { DAY_MS, HOUR_MS, MINUTE_MS } from '@app/common/clock/clock';
import { DomainError } from '@app/common/errors/domain-error';
import {
  DISPATCHER,
  REQUESTED_TIME,
  SLA,
  aDeliveredDelivery,
  aScheduledDelivery,
  anAssignedDelivery,
  at,
} from '../../testing/delivery-factories';
import type { Delivery } from './delivery';
import { cancel } from './delivery-lifecycle';
import { recordForceMajeure, type ForceMajeureCommand } from './force-majeure';
import { fireDueTimers } from './sla-timers';

const flood = at(REQUESTED_TIME, -3 * HOUR_MS);

function aForceMajeure(overrides: Partial<ForceMajeureCommand> = {}): ForceMajeureCommand {
  return {
    cause: 'flood',
    description: 'Road to the canteen flooded',
    proofRef: 'doc-flood-1',
    occurredAt: flood,
    canteenNotifiedAt: at(flood, 30 * MINUTE_MS),
    newDeliveryTime: at(REQUESTED_TIME, DAY_MS),
    ...overrides,
  };
}

function breachedDelivery(): Delivery {
  return fireDueTimers(anAssignedDelivery(), at(REQUESTED_TIME, MINUTE_MS)).delivery;
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new TypeError('expected a DomainError');
}

describe('force majeure', () => {
  const now = at(REQUESTED_TIME, HOUR_MS);

  it('R-DEL-6: waives the breach, emits a waiver and makes the new time the deadline', () => {
    const { delivery, events } = recordForceMajeure(
      breachedDelivery(),
      aForceMajeure(),
      DISPATCHER,
      now,
      SLA,
    );
    const newTime = at(REQUESTED_TIME, DAY_MS);
    expect(delivery).toMatchObject({
      deadline: newTime,
      deadlineBasis: 'force-majeure',
      breachDueAt: newTime,
      atRiskDueAt: at(newTime, -2 * HOUR_MS),
    });
    expect(delivery.breaches[0].waivedAt).toEqual(now);
    expect(delivery.forceMajeure[0]).toMatchObject({
      cause: 'flood',
      previousDeadline: REQUESTED_TIME,
      recordedBy: 'dispatcher-1',
    });
    expect(events).toEqual([
      {
        type: 'delivery.delivery.breach-waived',
        payload: expect.objectContaining({
          cause: 'flood',
          proofRef: 'doc-flood-1',
          newDeadline: newTime.toISOString(),
          deadline: newTime.toISOString(),
        }),
      },
    ]);
  });

  it('R-DEL-6: recorded before the deadline it moves the deadline so no breach fires then', () => {
    const early = at(REQUESTED_TIME, -HOUR_MS);
    const { delivery } = recordForceMajeure(
      anAssignedDelivery(),
      aForceMajeure(),
      DISPATCHER,
      early,
      SLA,
    );
    expect(fireDueTimers(delivery, at(REQUESTED_TIME, HOUR_MS)).events).toEqual([]);
  });

  it('R-DEL-6: missing the new time is a breach again', () => {
    const { delivery } = recordForceMajeure(
      breachedDelivery(),
      aForceMajeure(),
      DISPATCHER,
      now,
      SLA,
    );
    const { events } = fireDueTimers(delivery, at(REQUESTED_TIME, DAY_MS + MINUTE_MS));
    expect(events.map((e) => e.type)).toEqual(['delivery.delivery.breached']);
  });

  it('R-DEL-6: later than 3 days after the event is refused', () => {
    const error = errorOf(() =>
      recordForceMajeure(
        breachedDelivery(),
        aForceMajeure(),
        DISPATCHER,
        at(flood, 3 * DAY_MS + MINUTE_MS),
        SLA,
      ),
    );
    expect(error.code).toBe('FORCE_MAJEURE.TOO_LATE');
    expect(error.kind).toBe('unprocessable');
  });

  it('R-DEL-6: exactly 3 days after the event is still in time', () => {
    const { events } = recordForceMajeure(
      breachedDelivery(),
      aForceMajeure({ newDeliveryTime: at(flood, 4 * DAY_MS) }),
      DISPATCHER,
      at(flood, 3 * DAY_MS),
      SLA,
    );
    expect(events).toHaveLength(1);
  });

  it.each<[string, Partial<ForceMajeureCommand>, string]>([
    ['the canteen was not notified', { canteenNotifiedAt: undefined }, 'canteenNotifiedAt'],
    [
      'a notification before the event',
      { canteenNotifiedAt: at(flood, -MINUTE_MS) },
      'canteenNotifiedAt',
    ],
    ['no proof', { proofRef: ' ' }, 'proofRef'],
    ['an unknown cause', { cause: 'traffic' }, 'cause'],
    ['cause other without a description', { cause: 'other', description: '' }, 'description'],
    ['a new time in the past', { newDeliveryTime: at(now, -MINUTE_MS) }, 'newDeliveryTime'],
    [
      'an event after the deadline',
      {
        occurredAt: at(REQUESTED_TIME, MINUTE_MS),
        canteenNotifiedAt: at(REQUESTED_TIME, 2 * MINUTE_MS),
      },
      'occurredAt',
    ],
    ['an event in the future', { occurredAt: at(now, MINUTE_MS) }, 'occurredAt'],
  ])('R-DEL-6: refuses force majeure with %s and changes nothing', (_name, overrides, field) => {
    const before = breachedDelivery();
    const error = errorOf(() =>
      recordForceMajeure(before, aForceMajeure(overrides), DISPATCHER, now, SLA),
    );
    expect(error.code).toBe('FORCE_MAJEURE.INVALID');
    expect(error.fields.map((f) => f.field)).toContain(field);
    expect(before.breaches[0].waivedAt).toBeUndefined();
  });

  it('R-DEL-6: a late delivery can be excused afterwards when it came by the new time', () => {
    const late = aDeliveredDelivery(at(REQUESTED_TIME, 2 * HOUR_MS));
    expect(late.breaches).toHaveLength(1);
    const { delivery } = recordForceMajeure(
      late,
      aForceMajeure({ newDeliveryTime: at(REQUESTED_TIME, 3 * HOUR_MS) }),
      DISPATCHER,
      at(REQUESTED_TIME, 4 * HOUR_MS),
      SLA,
    );
    expect(delivery.breaches[0].waivedAt).toBeDefined();
    expect(delivery.breachDueAt).toBeNull();
  });

  it('R-DEL-6: an on-time delivery has nothing to waive, a cancelled one no deadline', () => {
    expect(
      errorOf(() => recordForceMajeure(aDeliveredDelivery(), aForceMajeure(), DISPATCHER, now, SLA))
        .code,
    ).toBe('FORCE_MAJEURE.NOTHING_TO_WAIVE');
    const cancelled = cancel(aScheduledDelivery(), flood).delivery;
    expect(
      errorOf(() => recordForceMajeure(cancelled, aForceMajeure(), DISPATCHER, now, SLA)).code,
    ).toBe('FORCE_MAJEURE.DELIVERY_CANCELLED');
  });
});
