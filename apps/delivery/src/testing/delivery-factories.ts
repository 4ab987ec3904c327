/** Test data for the delivery service: small builders, each overridable. */
import { HOUR_MS } from '@app/common/clock/clock';
import { fromShanghai } from '@app/common/clock/business-time';
import type { Actor, Delivery, DeliveryLine, SlaPolicy } from '../deliveries/domain/delivery';
import type { AcceptanceInput, ProofInput } from '../deliveries/domain/delivery-acceptance';
import {
  arrive,
  assignDriver,
  deliver,
  pickUp,
  scheduleDelivery,
} from '../deliveries/domain/delivery-lifecycle';
import type { ConfirmedOrderInput } from '../deliveries/domain/order-facts';

export const SLA: SlaPolicy = { atRiskLeadMs: 2 * HOUR_MS };

/** Monday 5 January 2026, 08:00 in Shanghai: confirmation time of the default order. */
export const CONFIRMED_AT = fromShanghai(2026, 1, 5, 8, 0);
/** The default requested time: the same day at 11:00 Shanghai. */
export const REQUESTED_TIME = fromShanghai(2026, 1, 5, 11, 0);

export const DISPATCHER: Actor = { userId: 'dispatcher-1' };
export const DRIVER: Actor = { userId: 'driver-user-1', driverId: 'driver-1' };
export const OTHER_DRIVER: Actor = { userId: 'driver-user-2', driverId: 'driver-2' };

export function at(base: Date, offsetMs: number): Date {
  return new Date(base.getTime() + offsetMs);
}

export function aDeliveryLine(overrides: Partial<DeliveryLine> = {}): DeliveryLine {
  return {
    lineId: 'line-1',
    kind: 'ingredient',
    itemId: 'sku-rice',
    name: 'Rice',
    quantity: 10_000,
    unit: 'g',
    ...overrides,
  };
}

export function aConfirmedOrder(overrides: Partial<ConfirmedOrderInput> = {}): ConfirmedOrderInput {
  return {
    orderId: 'order-1',
    canteenId: 'canteen-1',
    revision: 1,
    lines: [
      aDeliveryLine(),
      aDeliveryLine({
        lineId: 'line-2',
        kind: 'dish',
        itemId: 'dish-pork',
        name: 'Braised pork',
        quantity: 40,
        unit: 'portion',
      }),
    ],
    requestedTime: REQUESTED_TIME,
    urgent: false,
    confirmedAt: CONFIRMED_AT,
    ...overrides,
  };
}

export function aScheduledDelivery(
  order: Partial<ConfirmedOrderInput> = {},
  overrides: Partial<Delivery> = {},
): Delivery {
  const { delivery } = scheduleDelivery(
    'delivery-1',
    aConfirmedOrder(order),
    { address: '1 Canteen Road', receivingWindow: { from: '09:00', to: '12:00' } },
    SLA,
  );
  return { ...delivery, ...overrides };
}

export function anAssignedDelivery(overrides: Partial<Delivery> = {}): Delivery {
  const assigned = assignDriver(
    aScheduledDelivery(),
    { driver: { driverId: 'driver-1', active: true } },
    DISPATCHER,
    at(CONFIRMED_AT, 10 * 60_000),
  ).delivery;
  return { ...assigned, ...overrides };
}

export function aPickedUpDelivery(pickedUpAt = at(CONFIRMED_AT, HOUR_MS)): Delivery {
  return pickUp(anAssignedDelivery(), DRIVER, pickedUpAt).delivery;
}

/** Arrived at 10:00 Shanghai, inside the 09:00–12:00 receiving window. */
export function anArrivedDelivery(arrivedAt = at(CONFIRMED_AT, 2 * HOUR_MS)): Delivery {
  return arrive(aPickedUpDelivery(), DRIVER, arrivedAt).delivery;
}

export function aProof(overrides: Partial<ProofInput> = {}): ProofInput {
  return {
    receiverName: 'Wang Fang',
    receivedAt: at(CONFIRMED_AT, 2 * HOUR_MS + 10 * 60_000),
    signatureRef: 'sig-001',
    ...overrides,
  };
}

/** Everything accepted, line by line. */
export function fullAcceptance(delivery: Delivery): AcceptanceInput[] {
  return delivery.lines.map((l) => ({
    lineId: l.lineId,
    acceptedQuantity: l.quantity,
    rejectedQuantity: 0,
  }));
}

export function aDeliveredDelivery(
  deliveredAt = at(CONFIRMED_AT, 2 * HOUR_MS + 15 * 60_000),
): Delivery {
  const arrived = anArrivedDelivery();
  return deliver(arrived, { lines: fullAcceptance(arrived), proof: aProof() }, DRIVER, deliveredAt)
    .delivery;
}
