/**
 * The order state machine (R-ORD-2, R-ORD-4):
 * placed → confirmed | backordered → dispatched → delivered | partially-delivered; cancelled
 * until dispatched. Each transition returns the new order and the events to publish with it, or
 * `null` when the input changes nothing (a stale or repeated answer), so handlers stay idempotent.
 */
import { DomainError } from '@app/common/errors/domain-error';
import { amountFen } from './line-pricing';
import { orderFactsOf, type OrderEvent } from './order-events';
import type { PricedOrder } from './order-placement';
import {
  CHANGEABLE_STATUSES,
  type DeliveredLineRecord,
  type Order,
  type OrderStatus,
  type SkuAmount,
} from './order';

export interface Transition {
  order: Order;
  events: OrderEvent[];
}

export interface NewOrderInput {
  orderId: string;
  canteenId: string;
  priced: PricedOrder;
  replacementFor?: Order['replacementFor'];
}

export function placeOrder(input: NewOrderInput, now: Date): Transition {
  const order: Order = {
    orderId: input.orderId,
    canteenId: input.canteenId,
    status: 'placed',
    revision: 1,
    placedAt: now,
    ...input.priced,
    ...(input.replacementFor ? { replacementFor: input.replacementFor } : {}),
    missing: [],
  };
  return { order, events: [{ type: 'orders.order.placed', payload: orderFactsOf(order) }] };
}

/** R-ORD-2: procurement reserved everything the current revision needs. */
export function confirmReservation(order: Order, revision: number, now: Date): Transition | null {
  if (revision !== order.revision) return null;
  if (order.status !== 'placed' && order.status !== 'backordered') return null;
  const confirmed: Order = { ...order, status: 'confirmed', missing: [], confirmedAt: now };
  return {
    order: confirmed,
    events: [
      {
        type: 'orders.order.confirmed',
        payload: { ...orderFactsOf(confirmed), confirmedAt: now.toISOString() },
      },
    ],
  };
}

/** R-ORD-2: stock cannot cover the current revision; the order waits with the missing quantities. */
export function backorder(order: Order, revision: number, missing: SkuAmount[]): Transition | null {
  if (revision !== order.revision || order.status !== 'placed') return null;
  const backordered: Order = { ...order, status: 'backordered', missing };
  return {
    order: backordered,
    events: [
      {
        type: 'orders.order.backordered',
        payload: { orderId: order.orderId, canteenId: order.canteenId, missing },
      },
    ],
  };
}

function assertChangeable(order: Order, action: 'change' | 'cancel'): void {
  if (!CHANGEABLE_STATUSES.includes(order.status)) {
    throw new DomainError(
      'ORDER.NOT_CHANGEABLE',
      `order ${order.orderId} is ${order.status}; it can no longer be ${action === 'change' ? 'changed' : 'cancelled'}`,
      'conflict',
      [{ field: 'status', reason: order.status }],
    );
  }
}

/**
 * R-ORD-4: a change replaces the order's content under a new revision; it goes back to `placed`
 * until procurement answers for that revision, since the old reservation no longer matches.
 */
export function changeOrder(order: Order, priced: PricedOrder): Transition {
  assertChangeable(order, 'change');
  const changed: Order = {
    ...order,
    ...priced,
    status: 'placed',
    revision: order.revision + 1,
    missing: [],
  };
  if (!priced.requestedTime) delete changed.requestedTime;
  if (!priced.needBy) delete changed.needBy;
  if (!priced.mealStartsAt) delete changed.mealStartsAt;
  delete changed.confirmedAt;
  return {
    order: changed,
    events: [{ type: 'orders.order.changed', payload: orderFactsOf(changed) }],
  };
}

/** R-ORD-4: cancelling before dispatch; procurement releases the reservation on the event. */
export function cancelOrder(order: Order, now: Date): Transition {
  assertChangeable(order, 'cancel');
  const cancelled: Order = { ...order, status: 'cancelled', cancelledAt: now };
  return {
    order: cancelled,
    events: [
      {
        type: 'orders.order.cancelled',
        payload: {
          orderId: order.orderId,
          canteenId: order.canteenId,
          cancelledAt: now.toISOString(),
        },
      },
    ],
  };
}

const DISPATCHABLE: readonly OrderStatus[] = ['placed', 'confirmed', 'backordered'];

/**
 * The goods left the kitchen: from now on nothing can be changed or cancelled (R-ORD-4). Delivery
 * reports the physical world, so it is accepted from any state still before dispatch.
 */
export function markDispatched(order: Order, dispatchedAt: Date): Transition | null {
  if (!DISPATCHABLE.includes(order.status)) return null;
  return { order: { ...order, status: 'dispatched', dispatchedAt }, events: [] };
}

export interface CompletedDelivery {
  deliveryId: string;
  deliveredAt: Date;
  lines: { lineId: string; acceptedQuantity: number; rejectedQuantity: number }[];
}

/**
 * Delivered when every line was accepted in full, partially delivered otherwise; the accepted
 * quantities at the order's prices are what the canteen's statement bills.
 */
export function recordDelivery(order: Order, delivery: CompletedDelivery): Transition | null {
  if (order.status === 'delivered' || order.status === 'partially-delivered') return null;
  if (order.status === 'cancelled') return null;
  const reported = new Map(delivery.lines.map((l) => [l.lineId, l]));
  const lines: DeliveredLineRecord[] = order.lines.map((line) => {
    const r = reported.get(line.lineId);
    const acceptedQuantity = Math.min(r?.acceptedQuantity ?? 0, line.quantity);
    return {
      lineId: line.lineId,
      acceptedQuantity,
      rejectedQuantity: r?.rejectedQuantity ?? 0,
      acceptedAmountFen: amountFen(acceptedQuantity, line.price),
    };
  });
  const complete = order.lines.every((line, i) => lines[i].acceptedQuantity === line.quantity);
  return {
    order: {
      ...order,
      status: complete ? 'delivered' : 'partially-delivered',
      delivery: {
        deliveryId: delivery.deliveryId,
        deliveredAt: delivery.deliveredAt,
        lines,
        acceptedAmountFen: lines.reduce((sum, l) => sum + l.acceptedAmountFen, 0),
      },
    },
    events: [],
  };
}
