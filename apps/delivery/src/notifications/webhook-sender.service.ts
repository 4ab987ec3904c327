import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ClaimsService, Clock, PeriodicSweep, ServiceConfig } from '@app/common';
import { WebhookSender } from '@app/common/webhooks/webhook-sender';
import { DeliveryConfig } from '../config/delivery-config';
import { NotificationRecord } from './notification.schema';

/**
 * Posts pending notifications to their webhooks (R-DEL-5) outside any request. Runs every
 * TIMER_SWEEP_MS on its own, so a slow webhook never holds up an SLA check.
 */
@Injectable()
export class WebhookSenderService extends PeriodicSweep {
  private readonly sender: WebhookSender<NotificationRecord>;

  constructor(
    @InjectModel(NotificationRecord.name) notifications: Model<NotificationRecord>,
    clock: Clock,
    claims: ClaimsService,
    config: DeliveryConfig,
    serviceConfig: ServiceConfig,
  ) {
    super(serviceConfig);
    this.sender = new WebhookSender(notifications, clock, claims, {
      claimPrefix: 'notification',
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      logger: this.logger,
      payload: (n) => ({
        id: n._id,
        eventId: n.eventId,
        kind: n.kind,
        recipient: n.recipient,
        deliveryId: n.deliveryId,
        orderId: n.orderId,
        canteenId: n.canteenId,
        message: n.message,
        createdAt: n.createdAt,
      }),
    });
  }

  sweep(): Promise<number> {
    return this.sendDue();
  }

  /** Sends what is due now; returns how many were sent. */
  sendDue(): Promise<number> {
    return this.sender.sendDue();
  }
}
