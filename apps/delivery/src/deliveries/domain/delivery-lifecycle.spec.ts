import { HOUR_MS, MINUTE_MS } from '@app/common/clock/clock';
import { fromShanghai } from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';
import {
  CONFIRMED_AT,
  DISPATCHER,
  DRIVER,
  OTHER_DRIVER,
  REQUESTED_TIME,
  SLA,
  aConfirmedOrder,
  aDeliveredDelivery,
  aDeliveryLine,
  aPickedUpDelivery,
  aProof,
  aScheduledDelivery,
  anArrivedDelivery,
  anAssignedDelivery,
  at,
  fullAcceptance,
} from '../../testing/delivery-factories';
import {
  applyOrderChange,
  arrive,
  assignDriver,
  cancel,
  deliver,
  depart,
  pickUp,
  scheduleDelivery,
} from './delivery-lifecycle';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

const ACTIVE_DRIVER_2 = { driver: { driverId: 'driver-2', active: true } };

describe('scheduling a delivery', () => {
  it('R-DEL-1: a confirmed order gets a scheduled delivery with its lines, destination and deadline', () => {
    const { delivery, events } = scheduleDelivery(
      'delivery-9',
      aConfirmedOrder(),
      { address: '1 Canteen Road', receivingWindow: { from: '09:00', to: '12:00' } },
      SLA,
    );
    expect(delivery).toMatchObject({
      deliveryId: 'delivery-9',
      orderId: 'order-1',
      status: 'scheduled',
      deadline: REQUESTED_TIME,
      deadlineBasis: 'requested-time',
      destination: { address: '1 Canteen Road' },
      atRiskDueAt: at(REQUESTED_TIME, -2 * HOUR_MS),
      breachDueAt: REQUESTED_TIME,
    });
    expect(delivery.lines).toHaveLength(2);
    expect(events).toEqual([
      {
        type: 'delivery.delivery.scheduled',
        payload: {
          deliveryId: 'delivery-9',
          orderId: 'order-1',
          canteenId: 'canteen-1',
          deadline: REQUESTED_TIME.toISOString(),
        },
      },
    ]);
  });

  it('R-DEL-1: a replacement order gets a delivery due by its need-by time', () => {
    const needBy = fromShanghai(2026, 1, 5, 9, 30);
    const { delivery } = scheduleDelivery(
      'delivery-r',
      aConfirmedOrder({ urgent: true, needBy, replacementForExchangeId: 'exchange-1' }),
      undefined,
      SLA,
    );
    expect(delivery).toMatchObject({
      replacementForExchangeId: 'exchange-1',
      deadline: needBy,
      deadlineBasis: 'need-by',
    });
  });
});

describe('order changes', () => {
  it('R-ORD-4: a newer revision updates lines and deadline before pickup and re-announces the deadline', () => {
    const later = fromShanghai(2026, 1, 5, 15, 0);
    const result = applyOrderChange(
      anAssignedDelivery(),
      {
        ...aConfirmedOrder({
          revision: 2,
          requestedTime: later,
          lines: [aDeliveryLine({ quantity: 5 })],
        }),
      },
      SLA,
    );
    expect(result.outcome).toBe('applied');
    if (result.outcome !== 'applied') return;
    expect(result.delivery.lines).toEqual([aDeliveryLine({ quantity: 5 })]);
    expect(result.delivery.deadline).toEqual(later);
    expect(result.delivery.breachDueAt).toEqual(later);
    expect(result.delivery.atRiskDueAt).toEqual(at(later, -2 * HOUR_MS));
    expect(result.events.map((e) => e.type)).toEqual(['delivery.delivery.scheduled']);
  });

  it('ignores an older or equal revision', () => {
    expect(applyOrderChange(aScheduledDelivery(), aConfirmedOrder({ revision: 1 }), SLA)).toEqual({
      outcome: 'stale',
    });
  });

  it('R-ORD-4: leaves a picked-up delivery unchanged', () => {
    expect(applyOrderChange(aPickedUpDelivery(), aConfirmedOrder({ revision: 2 }), SLA)).toEqual({
      outcome: 'already-dispatched',
    });
  });

  it('does not re-arm an at-risk check that already fired', () => {
    const fired = aScheduledDelivery({}, { atRiskDueAt: null, atRiskNotifiedAt: CONFIRMED_AT });
    const result = applyOrderChange(
      fired,
      aConfirmedOrder({ revision: 2, requestedTime: fromShanghai(2026, 1, 5, 18, 0) }),
      SLA,
    );
    expect(result.outcome === 'applied' && result.delivery.atRiskDueAt).toBeNull();
  });
});

describe('assigning a driver', () => {
  it('R-DEL-3: a dispatcher assigns an active driver', () => {
    const { delivery } = assignDriver(
      aScheduledDelivery(),
      { driver: { driverId: 'driver-1', active: true } },
      DISPATCHER,
      CONFIRMED_AT,
    );
    expect(delivery).toMatchObject({
      status: 'assigned',
      driverId: 'driver-1',
      assignedBy: 'dispatcher-1',
    });
  });

  it('R-DEL-3: an inactive driver cannot be assigned', () => {
    expect(
      codeOf(() =>
        assignDriver(
          aScheduledDelivery(),
          { driver: { driverId: 'd', active: false } },
          DISPATCHER,
          CONFIRMED_AT,
        ),
      ),
    ).toBe('DELIVERY.DRIVER_INACTIVE');
  });

  it('R-DEL-3: the dispatcher may reassign until pickup', () => {
    const { delivery } = assignDriver(
      anAssignedDelivery(),
      ACTIVE_DRIVER_2,
      DISPATCHER,
      CONFIRMED_AT,
    );
    expect(delivery.driverId).toBe('driver-2');
  });

  it('R-DEL-3: reassigning after pickup is refused', () => {
    expect(
      codeOf(() => assignDriver(aPickedUpDelivery(), ACTIVE_DRIVER_2, DISPATCHER, CONFIRMED_AT)),
    ).toBe('DELIVERY.INVALID_TRANSITION');
  });
});

describe('driver confirmations', () => {
  it('R-DEL-3: pickup by the assigned driver dispatches the delivery', () => {
    const pickedUpAt = at(CONFIRMED_AT, HOUR_MS);
    const { delivery, events } = pickUp(anAssignedDelivery(), DRIVER, pickedUpAt);
    expect(delivery).toMatchObject({ status: 'picked-up', pickedUpAt });
    expect(events).toEqual([
      {
        type: 'delivery.delivery.dispatched',
        payload: expect.objectContaining({
          driverId: 'driver-1',
          pickedUpAt: pickedUpAt.toISOString(),
        }),
      },
    ]);
  });

  it('R-DEL-3: only the assigned driver confirms', () => {
    expect(codeOf(() => pickUp(anAssignedDelivery(), OTHER_DRIVER, CONFIRMED_AT))).toBe(
      'DELIVERY.NOT_ASSIGNED_DRIVER',
    );
    expect(codeOf(() => arrive(aPickedUpDelivery(), OTHER_DRIVER, CONFIRMED_AT))).toBe(
      'DELIVERY.NOT_ASSIGNED_DRIVER',
    );
    expect(codeOf(() => pickUp(aScheduledDelivery(), DRIVER, CONFIRMED_AT))).toBe(
      'DELIVERY.NOT_ASSIGNED_DRIVER',
    );
  });

  it('R-DEL-3: steps happen in order: no check-in before pickup, no delivery before check-in', () => {
    expect(codeOf(() => arrive(anAssignedDelivery(), DRIVER, CONFIRMED_AT))).toBe(
      'DELIVERY.INVALID_TRANSITION',
    );
    const pickedUp = aPickedUpDelivery();
    expect(
      codeOf(() =>
        deliver(
          pickedUp,
          { lines: fullAcceptance(pickedUp), proof: aProof() },
          DRIVER,
          REQUESTED_TIME,
        ),
      ),
    ).toBe('DELIVERY.INVALID_TRANSITION');
    expect(codeOf(() => depart(anArrivedDelivery(), DRIVER, REQUESTED_TIME))).toBe(
      'DELIVERY.INVALID_TRANSITION',
    );
  });

  it('R-DEL-7: check-in fixes the service end at the end of the receiving window', () => {
    expect(anArrivedDelivery().serviceEndsAt).toEqual(fromShanghai(2026, 1, 5, 12, 0));
  });
});

describe('delivering', () => {
  const deliveredAt = at(CONFIRMED_AT, 2 * HOUR_MS + 15 * MINUTE_MS);

  it('R-DEL-3, R-DEL-4: delivery emits per-line accepted and rejected quantities with the reason', () => {
    const arrived = anArrivedDelivery();
    const { delivery, events } = deliver(
      arrived,
      {
        lines: [
          {
            lineId: 'line-1',
            acceptedQuantity: 9_000,
            rejectedQuantity: 1_000,
            rejectionReason: 'damaged',
          },
          { lineId: 'line-2', acceptedQuantity: 40, rejectedQuantity: 0 },
        ],
        proof: aProof({ temperatureCelsius: 4 }),
      },
      DRIVER,
      deliveredAt,
    );
    expect(delivery).toMatchObject({
      status: 'delivered',
      deliveredAt,
      atRiskDueAt: null,
      breachDueAt: null,
    });
    expect(delivery.proof).toMatchObject({
      receiverName: 'Wang Fang',
      signatureRef: 'sig-001',
      temperatureCelsius: 4,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual({
      type: 'delivery.delivery.completed',
      payload: expect.objectContaining({
        driverId: 'driver-1',
        onTime: true,
        receiverName: 'Wang Fang',
        deliveredAt: deliveredAt.toISOString(),
        lines: [
          expect.objectContaining({
            lineId: 'line-1',
            orderedQuantity: 10_000,
            acceptedQuantity: 9_000,
            rejectedQuantity: 1_000,
            rejectionReason: 'damaged',
          }),
          expect.objectContaining({ lineId: 'line-2', acceptedQuantity: 40, rejectedQuantity: 0 }),
        ],
      }),
    });
  });

  it('R-DEL-3: delivery without proof is refused and changes nothing', () => {
    const arrived = anArrivedDelivery();
    expect(
      codeOf(() => deliver(arrived, { lines: fullAcceptance(arrived) }, DRIVER, deliveredAt)),
    ).toBe('DELIVERY.PROOF_REQUIRED');
    expect(arrived.status).toBe('arrived');
  });

  it('R-DEL-5: completing after the deadline is a breach, reported with the delivery time', () => {
    const arrived = anArrivedDelivery();
    const late = at(REQUESTED_TIME, 10 * MINUTE_MS);
    const { delivery, events } = deliver(
      arrived,
      { lines: fullAcceptance(arrived), proof: aProof({ receivedAt: late }) },
      DRIVER,
      late,
    );
    expect(events.map((e) => e.type)).toEqual([
      'delivery.delivery.completed',
      'delivery.delivery.breached',
    ]);
    expect(events[0].payload).toMatchObject({ onTime: false });
    expect(events[1].payload).toMatchObject({
      deliveredAt: late.toISOString(),
      dispatcherId: 'dispatcher-1',
    });
    expect(delivery.breaches).toEqual([
      { deadline: REQUESTED_TIME, detectedAt: late, deliveredAt: late },
    ]);
  });

  it('R-DEL-5: a breach already reported by the timer is not reported again at late delivery', () => {
    const arrived = anArrivedDelivery();
    const firedBreach = {
      ...arrived,
      breachDueAt: null,
      breaches: [{ deadline: REQUESTED_TIME, detectedAt: REQUESTED_TIME }],
    };
    const late = at(REQUESTED_TIME, 30 * MINUTE_MS);
    const { delivery, events } = deliver(
      firedBreach,
      { lines: fullAcceptance(arrived), proof: aProof({ receivedAt: late }) },
      DRIVER,
      late,
    );
    expect(events.map((e) => e.type)).toEqual(['delivery.delivery.completed']);
    expect(delivery.breaches).toEqual([
      { deadline: REQUESTED_TIME, detectedAt: REQUESTED_TIME, deliveredAt: late },
    ]);
  });
});

describe('departing', () => {
  it('R-DEL-7: leaving before the agreed service end emits an early departure naming the driver', () => {
    const leftAt = fromShanghai(2026, 1, 5, 11, 0);
    const { delivery, events } = depart(aDeliveredDelivery(), DRIVER, leftAt);
    expect(delivery).toMatchObject({ status: 'departed', departedAt: leftAt, leftEarly: true });
    expect(events).toEqual([
      {
        type: 'delivery.delivery.early-departure',
        payload: expect.objectContaining({
          driverId: 'driver-1',
          departedAt: leftAt.toISOString(),
          serviceEndsAt: fromShanghai(2026, 1, 5, 12, 0).toISOString(),
        }),
      },
    ]);
  });

  it('R-DEL-7: leaving at the service end is no early departure', () => {
    const { delivery, events } = depart(
      aDeliveredDelivery(),
      DRIVER,
      fromShanghai(2026, 1, 5, 12, 0),
    );
    expect(delivery.leftEarly).toBe(false);
    expect(events).toEqual([]);
  });

  it('R-DEL-7: a service end agreed by the dispatcher wins over the receiving window', () => {
    const agreed = fromShanghai(2026, 1, 5, 13, 0);
    const assigned = assignDriver(
      aScheduledDelivery(),
      { driver: { driverId: 'driver-1', active: true }, agreedServiceEnd: agreed },
      DISPATCHER,
      CONFIRMED_AT,
    ).delivery;
    const pickedUp = pickUp(assigned, DRIVER, at(CONFIRMED_AT, HOUR_MS)).delivery;
    expect(arrive(pickedUp, DRIVER, at(CONFIRMED_AT, 2 * HOUR_MS)).delivery.serviceEndsAt).toEqual(
      agreed,
    );
  });
});

describe('cancelling', () => {
  it('R-ORD-4: a delivery not yet picked up is cancelled and its timers disarmed', () => {
    const { delivery } = cancel(anAssignedDelivery(), CONFIRMED_AT);
    expect(delivery).toMatchObject({ status: 'cancelled', atRiskDueAt: null, breachDueAt: null });
  });

  it('R-ORD-4: a picked-up delivery cannot be cancelled', () => {
    expect(codeOf(() => cancel(aPickedUpDelivery(), CONFIRMED_AT))).toBe(
      'DELIVERY.INVALID_TRANSITION',
    );
  });
});
