import { Injectable } from '@nestjs/common';
import { DeliveryCompleted, OnEvent, OrderCancelled, OrderFacts, StateGuarded } from '@app/common';
import { ReservationsService } from './reservations.service';

/** Kafka side of reservations; each event changes stock at most once. */
@Injectable()
export class OrderEventsHandler {
  constructor(private readonly reservations: ReservationsService) {}

  /** Guarded: under the order's lease, a revision already reserved is ignored. */
  @OnEvent('orders.order.placed', 'orders.order.changed')
  @StateGuarded()
  onOrderFacts(facts: OrderFacts): Promise<void> {
    return this.reservations.onOrderFacts(facts);
  }

  @OnEvent('orders.order.cancelled')
  onOrderCancelled(event: OrderCancelled): Promise<void> {
    return this.reservations.onOrderCancelled(event.orderId);
  }

  @OnEvent('delivery.delivery.completed')
  onDelivered(event: DeliveryCompleted): Promise<void> {
    return this.reservations.onDelivered(event.orderId);
  }
}
