import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { Caller, Clock, scopedFilter, type EventEnvelope } from '@app/common';
import { CanteenCopiesService } from '../canteens/canteen-copies.service';
import { DeliveryConfig } from '../config/delivery-config';
import { notificationsFor, type NotifiableEvent } from './domain/notification-plan';
import { NotificationQueryDto, NotificationView } from './notification.dto';
import { NotificationRecord } from './notification.schema';

@Injectable()
export class NotificationsService {
  constructor(
    @InjectModel(NotificationRecord.name) private readonly notifications: Model<NotificationRecord>,
    private readonly canteens: CanteenCopiesService,
    private readonly config: DeliveryConfig,
    private readonly clock: Clock,
  ) {}

  /** Stores one notification per recipient; a redelivered event inserts nothing new. */
  async storeFor(event: NotifiableEvent, envelope: EventEnvelope): Promise<void> {
    const canteen = await this.canteens.find(event.payload.canteenId);
    const now = this.clock.now();
    for (const draft of notificationsFor(event)) {
      const webhookUrl =
        draft.recipient === 'canteen'
          ? canteen?.webhookUrl
          : this.config.PROJECT_MANAGER_WEBHOOK_URL;
      const record: NotificationRecord = {
        _id: `${envelope.id}:${draft.recipient}`,
        ...draft,
        eventId: envelope.id,
        createdAt: now,
        ...(webhookUrl ? { webhookUrl } : {}),
        status: webhookUrl ? 'pending' : 'no-webhook',
        attempts: 0,
        nextAttemptAt: webhookUrl ? now : null,
      };
      await this.notifications
        .updateOne({ _id: record._id }, { $setOnInsert: record }, { upsert: true })
        .exec()
        .catch((e: { code?: number }) => {
          if (e.code !== 11000) throw e;
        });
    }
  }

  /** A canteen sees the notifications addressed to it, staff see all. */
  async list(query: NotificationQueryDto, caller: Caller): Promise<NotificationView[]> {
    const filter: FilterQuery<NotificationRecord> = scopedFilter(
      caller,
      { canteenId: 'canteenId' },
      {
        ...Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
        ...(caller.role === 'canteen' ? { recipient: 'canteen' } : {}),
      },
    );
    const found = await this.notifications
      .find(filter)
      .sort({ createdAt: -1 })
      .limit(500)
      .lean()
      .exec();
    return found.map(toView);
  }
}

function toView(n: NotificationRecord): NotificationView {
  return {
    id: n._id,
    kind: n.kind,
    recipient: n.recipient,
    deliveryId: n.deliveryId,
    orderId: n.orderId,
    canteenId: n.canteenId,
    message: n.message,
    createdAt: n.createdAt,
    status: n.status,
    attempts: n.attempts,
    ...(n.sentAt ? { sentAt: n.sentAt } : {}),
    ...(n.lastError ? { lastError: n.lastError } : {}),
  };
}
