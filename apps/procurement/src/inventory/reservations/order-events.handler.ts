import { Injectable } from '@nestjs/common';
import { DeliveryCompleted, OnEvent, OrderCancelled, OrderFacts } from '@app/common';
import { ReservationsService } from './reservations.service';

/** Kafka side of reservations; the consumer applies each event at most once per handler. */
@Injectable()
export class OrderEventsHandler {
  constructor(private readonly reservations: ReservationsService) {}

  @OnEvent('orders.order.placed', 'orders.order.changed')
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
