/** The events a delivery transition emits, typed by the shared catalogue. */
import type { PayloadOf } from '@app/common/messaging/contracts';
import type { Delivery } from './delivery';

export type DeliveryEventType =
  | 'delivery.delivery.scheduled'
  | 'delivery.delivery.dispatched'
  | 'delivery.delivery.at-risk'
  | 'delivery.delivery.breached'
  | 'delivery.delivery.breach-waived'
  | 'delivery.delivery.completed'
  | 'delivery.delivery.early-departure';

export type DeliveryEvent = {
  [T in DeliveryEventType]: { type: T; payload: PayloadOf<T> };
}[DeliveryEventType];

/** A transition's result: the new state and what it emits, written together. */
export interface Transition {
  delivery: Delivery;
  events: DeliveryEvent[];
}

export function deliveryRef(delivery: Delivery): {
  deliveryId: string;
  orderId: string;
  canteenId: string;
  deadline: string;
} {
  return {
    deliveryId: delivery.deliveryId,
    orderId: delivery.orderId,
    canteenId: delivery.canteenId,
    deadline: delivery.deadline.toISOString(),
  };
}
