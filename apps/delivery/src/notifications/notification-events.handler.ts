import { Injectable } from '@nestjs/common';
import {
  OnEvent,
  type DeliveryAtRisk,
  type DeliveryBreached,
  type DeliveryBreachWaived,
  type EventEnvelope,
} from '@app/common';
import { NotificationsService } from './notifications.service';

/**
 * Turns this service's own at-risk, breach and waiver events into notifications. Reading them
 * back from the broker, rather than writing notifications beside the delivery, keeps every
 * delivery write a single document and still loses nothing: the outbox guarantees the event.
 */
@Injectable()
export class NotificationEventsHandler {
  constructor(private readonly notifications: NotificationsService) {}

  @OnEvent('delivery.delivery.at-risk')
  onAtRisk(payload: DeliveryAtRisk, event: EventEnvelope): Promise<void> {
    return this.notifications.storeFor({ type: 'delivery.delivery.at-risk', payload }, event);
  }

  @OnEvent('delivery.delivery.breached')
  onBreached(payload: DeliveryBreached, event: EventEnvelope): Promise<void> {
    return this.notifications.storeFor({ type: 'delivery.delivery.breached', payload }, event);
  }

  @OnEvent('delivery.delivery.breach-waived')
  onWaived(payload: DeliveryBreachWaived, event: EventEnvelope): Promise<void> {
    return this.notifications.storeFor({ type: 'delivery.delivery.breach-waived', payload }, event);
  }
}
