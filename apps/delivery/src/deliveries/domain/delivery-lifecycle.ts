/**
 * R-DEL-1, R-DEL-3: the life of a delivery.
 * scheduled → assigned → picked-up → arrived → delivered → departed, or cancelled before pickup.
 * A dispatcher may reassign until pickup; only the assigned driver confirms the steps after.
 */
import { DomainError } from '@app/common/errors/domain-error';
import type { DeliveredLine } from '@app/common/messaging/contracts';
import {
  validateAcceptance,
  validateProof,
  type AcceptanceInput,
  type ProofInput,
} from './delivery-acceptance';
import type { Actor, Delivery, DeliveryStatus, Destination, SlaPolicy } from './delivery';
import { deliveryRef, type DeliveryEvent, type Transition } from './delivery-events';
import { deadlineOf } from './deadline';
import type { ConfirmedOrderInput, OrderFactsInput } from './order-facts';
import { confirmationTime, recordedStepTime } from './late-confirmation';
import { leftEarly, serviceEndOf } from './service-end';
import { armTimers } from './sla-timers';

function refuse(action: string, delivery: Delivery): DomainError {
  return new DomainError(
    'DELIVERY.INVALID_TRANSITION',
    `cannot ${action} a delivery that is ${delivery.status}`,
    'conflict',
    [{ field: 'status', reason: `is ${delivery.status}` }],
  );
}

function expectStatus(delivery: Delivery, action: string, allowed: DeliveryStatus[]): void {
  if (!allowed.includes(delivery.status)) throw refuse(action, delivery);
}

/** Only the driver the delivery is assigned to may confirm its steps. */
function expectAssignedDriver(delivery: Delivery, actor: Actor): string {
  if (!delivery.driverId || actor.driverId !== delivery.driverId) {
    throw new DomainError(
      'DELIVERY.NOT_ASSIGNED_DRIVER',
      'only the driver assigned to this delivery may confirm it',
      'forbidden',
    );
  }
  return delivery.driverId;
}

/** R-DEL-1: every confirmed order, a replacement order included, gets a delivery with a deadline. */
export function scheduleDelivery(
  deliveryId: string,
  order: ConfirmedOrderInput,
  destination: Destination | undefined,
  policy: SlaPolicy,
): Transition {
  const { deadline, basis } = deadlineOf(order);
  const delivery: Delivery = {
    deliveryId,
    orderId: order.orderId,
    canteenId: order.canteenId,
    orderRevision: order.revision,
    ...(order.replacementForExchangeId
      ? { replacementForExchangeId: order.replacementForExchangeId }
      : {}),
    lines: order.lines,
    confirmedAt: order.confirmedAt,
    deadline,
    deadlineBasis: basis,
    ...(destination ? { destination } : {}),
    status: 'scheduled',
    ...armTimers(deadline, policy),
    breaches: [],
    forceMajeure: [],
  };
  return {
    delivery,
    events: [{ type: 'delivery.delivery.scheduled', payload: deliveryRef(delivery) }],
  };
}

export type OrderChangeOutcome =
  ({ outcome: 'applied' } & Transition) | { outcome: 'stale' } | { outcome: 'already-dispatched' };

/**
 * A changed (or re-confirmed) order updates lines and deadline until pickup. A deadline set by
 * force majeure stays: it is the time promised to the canteen in writing (R-DEL-6).
 */
export function applyOrderChange(
  delivery: Delivery,
  order: OrderFactsInput,
  policy: SlaPolicy,
): OrderChangeOutcome {
  if (order.revision <= delivery.orderRevision) return { outcome: 'stale' };
  if (delivery.status !== 'scheduled' && delivery.status !== 'assigned') {
    return { outcome: 'already-dispatched' };
  }
  const next: Delivery = { ...delivery, orderRevision: order.revision, lines: order.lines };
  const events: DeliveryEvent[] = [];
  if (delivery.forceMajeure.length === 0) {
    const { deadline, basis } = deadlineOf({ ...order, confirmedAt: delivery.confirmedAt });
    next.deadlineBasis = basis;
    if (deadline.getTime() !== delivery.deadline.getTime()) {
      next.deadline = deadline;
      const armed = armTimers(deadline, policy);
      // A check that already fired stays fired: at most one warning and one breach per promise.
      if (delivery.atRiskDueAt !== null) next.atRiskDueAt = armed.atRiskDueAt;
      if (delivery.breachDueAt !== null) next.breachDueAt = armed.breachDueAt;
      events.push({ type: 'delivery.delivery.scheduled', payload: deliveryRef(next) });
    }
  }
  return { outcome: 'applied', delivery: next, events };
}

export interface AssignCommand {
  driver: { driverId: string; active: boolean };
  /** R-DEL-7: a service end agreed with the canteen for this delivery, if any. */
  agreedServiceEnd?: Date;
}

export function assignDriver(
  delivery: Delivery,
  command: AssignCommand,
  actor: Actor,
  now: Date,
): Transition {
  expectStatus(delivery, 'assign a driver to', ['scheduled', 'assigned']);
  if (!command.driver.active) {
    throw new DomainError('DELIVERY.DRIVER_INACTIVE', 'the driver is not active', 'unprocessable', [
      { field: 'driverId', reason: 'driver is inactive' },
    ]);
  }
  const next: Delivery = {
    ...delivery,
    status: 'assigned',
    driverId: command.driver.driverId,
    assignedBy: actor.userId,
    assignedAt: now,
  };
  if (command.agreedServiceEnd) next.agreedServiceEnd = command.agreedServiceEnd;
  return { delivery: next, events: [] };
}

export function pickUp(delivery: Delivery, actor: Actor, now: Date, recordedAt?: Date): Transition {
  const driverId = expectAssignedDriver(delivery, actor);
  expectStatus(delivery, 'pick up', ['assigned']);
  const { at } = recordedStepTime(recordedAt, now, delivery.assignedAt, 'the assignment');
  const next: Delivery = { ...delivery, status: 'picked-up', pickedUpAt: at };
  return {
    delivery: next,
    events: [
      {
        type: 'delivery.delivery.dispatched',
        payload: { ...deliveryRef(next), driverId, pickedUpAt: at.toISOString() },
      },
    ],
  };
}

/** Check-in at the canteen; fixes the service end the driver must stay until (R-DEL-7). */
export function arrive(delivery: Delivery, actor: Actor, now: Date, recordedAt?: Date): Transition {
  expectAssignedDriver(delivery, actor);
  expectStatus(delivery, 'check in', ['picked-up']);
  const { at } = recordedStepTime(recordedAt, now, delivery.pickedUpAt, 'the pickup');
  const serviceEndsAt = serviceEndOf(
    at,
    delivery.destination?.receivingWindow,
    delivery.agreedServiceEnd,
  );
  const next: Delivery = {
    ...delivery,
    status: 'arrived',
    arrivedAt: at,
    ...(serviceEndsAt ? { serviceEndsAt } : {}),
  };
  return { delivery: next, events: [] };
}

export interface DeliverCommand {
  lines: AcceptanceInput[];
  proof?: ProofInput;
  /** When the driver recorded the confirmation on the phone, if it was sent later. */
  recordedAt?: Date;
}

/**
 * R-DEL-3, R-DEL-4: the receiver's count and proof. The completed event carries the rejected
 * quantities aftersales turns into a return or exchange; completing after the deadline is a
 * breach (R-DEL-5) unless the breach check already fired.
 */
export function deliver(
  delivery: Delivery,
  command: DeliverCommand,
  actor: Actor,
  now: Date,
): Transition {
  const driverId = expectAssignedDriver(delivery, actor);
  expectStatus(delivery, 'deliver', ['arrived']);
  const proof = validateProof(command.proof, { notBefore: delivery.pickedUpAt ?? now, now });
  const acceptance = validateAcceptance(delivery.lines, command.lines);
  const { deliveredAt, sentLate } = confirmationTime(delivery, command.recordedAt, now);
  const onTime = deliveredAt.getTime() <= delivery.deadline.getTime();
  const next: Delivery = {
    ...delivery,
    status: 'delivered',
    deliveredAt,
    ...(sentLate ? { sentLate: true, confirmationReceivedAt: now } : {}),
    acceptance,
    proof,
    atRiskDueAt: null,
    breachDueAt: null,
  };
  const counted = new Map(acceptance.map((a) => [a.lineId, a]));
  const lines: DeliveredLine[] = delivery.lines.map((line) => {
    const a = counted.get(line.lineId);
    return {
      lineId: line.lineId,
      kind: line.kind,
      itemId: line.itemId,
      name: line.name,
      orderedQuantity: line.quantity,
      acceptedQuantity: a?.acceptedQuantity ?? 0,
      rejectedQuantity: a?.rejectedQuantity ?? 0,
      ...(a?.rejectionReason ? { rejectionReason: a.rejectionReason } : {}),
    };
  });
  const events: DeliveryEvent[] = [
    {
      type: 'delivery.delivery.completed',
      payload: {
        ...deliveryRef(next),
        driverId,
        deliveredAt: deliveredAt.toISOString(),
        onTime,
        receiverName: proof.receiverName,
        lines,
      },
    },
  ];
  if (!onTime) {
    if (delivery.breachDueAt !== null) {
      next.breaches = [
        ...delivery.breaches,
        { deadline: delivery.deadline, detectedAt: now, deliveredAt },
      ];
      events.push({
        type: 'delivery.delivery.breached',
        payload: {
          ...deliveryRef(next),
          driverId,
          ...(delivery.assignedBy ? { dispatcherId: delivery.assignedBy } : {}),
          detectedAt: now.toISOString(),
          deliveredAt: deliveredAt.toISOString(),
        },
      });
    } else {
      next.breaches = delivery.breaches.map((b, i) =>
        i === delivery.breaches.length - 1 && !b.deliveredAt ? { ...b, deliveredAt } : b,
      );
    }
  }
  return { delivery: next, events };
}

/** Check-out; leaving before the agreed service end costs the driver a fine (R-DEL-7). */
export function depart(delivery: Delivery, actor: Actor, now: Date, recordedAt?: Date): Transition {
  const driverId = expectAssignedDriver(delivery, actor);
  expectStatus(delivery, 'check out of', ['delivered']);
  const { at } = recordedStepTime(recordedAt, now, delivery.deliveredAt, 'the hand-over');
  const early = leftEarly(at, delivery.serviceEndsAt);
  const next: Delivery = { ...delivery, status: 'departed', departedAt: at, leftEarly: early };
  const events: DeliveryEvent[] = [];
  if (early && delivery.serviceEndsAt) {
    events.push({
      type: 'delivery.delivery.early-departure',
      payload: {
        ...deliveryRef(next),
        driverId,
        departedAt: at.toISOString(),
        serviceEndsAt: delivery.serviceEndsAt.toISOString(),
      },
    });
  }
  return { delivery: next, events };
}

/** R-ORD-4: an order is cancelled only until dispatch, so its delivery goes with it. */
export function cancel(delivery: Delivery, now: Date): Transition {
  expectStatus(delivery, 'cancel', ['scheduled', 'assigned']);
  return {
    delivery: {
      ...delivery,
      status: 'cancelled',
      cancelledAt: now,
      atRiskDueAt: null,
      breachDueAt: null,
    },
    events: [],
  };
}
