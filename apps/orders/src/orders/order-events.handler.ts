import { Injectable } from '@nestjs/common';
import { OnEvent, StateGuarded, type EventEnvelope } from '@app/common';
import type {
  DeliveryCompleted,
  DeliveryDispatched,
  ExchangeApproved,
  ReservationBackordered,
  ReservationConfirmed,
} from '@app/common';
import { OrdersService } from './orders.service';

/** How procurement's, delivery's and aftersales' facts move orders along. */
@Injectable()
export class OrderEventsHandler {
  constructor(private readonly orders: OrdersService) {}

  /** Guarded: only a placed or backordered order of that revision is confirmed. */
  @OnEvent('procurement.reservation.confirmed')
  @StateGuarded()
  onReservationConfirmed(fact: ReservationConfirmed): Promise<void> {
    return this.orders.onReservationConfirmed(fact);
  }

  @OnEvent('procurement.reservation.backordered')
  onReservationBackordered(fact: ReservationBackordered): Promise<void> {
    return this.orders.onReservationBackordered(fact);
  }

  @OnEvent('delivery.delivery.dispatched')
  onDispatched(fact: DeliveryDispatched): Promise<void> {
    return this.orders.onDispatched(fact);
  }

  @OnEvent('delivery.delivery.completed')
  onDeliveryCompleted(fact: DeliveryCompleted): Promise<void> {
    return this.orders.onDeliveryCompleted(fact);
  }

  @OnEvent('aftersales.exchange.approved')
  onExchangeApproved(exchange: ExchangeApproved, event: EventEnvelope): Promise<void> {
    return this.orders.onExchangeApproved(exchange, event);
  }
}
