import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  NOTIFICATION_KINDS,
  RECIPIENTS,
  type NotificationKind,
  type Recipient,
} from './domain/notification-plan';

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'no-webhook'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * A stored notification. `_id` = `<event id>:<recipient>`, so an event delivered twice stores
 * one notification per recipient. `nextAttemptAt` is the webhook sweep's indexed due time.
 */
@Schema({ collection: 'notifications', versionKey: false })
export class NotificationRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true, enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @Prop({ type: String, required: true, enum: RECIPIENTS }) recipient!: Recipient;
  @Prop({ required: true, index: true }) deliveryId!: string;
  @Prop({ required: true }) orderId!: string;
  @Prop({ required: true, index: true }) canteenId!: string;
  @Prop({ required: true }) message!: string;
  /** The event that caused it, sent along so a receiver can deduplicate. */
  @Prop({ required: true }) eventId!: string;
  @Prop({ required: true, index: true }) createdAt!: Date;
  @Prop() webhookUrl?: string;
  @Prop({ type: String, required: true, enum: NOTIFICATION_STATUSES }) status!: NotificationStatus;
  @Prop({ required: true, default: 0 }) attempts!: number;
  @Prop({ type: Date, default: null, index: true }) nextAttemptAt!: Date | null;
  @Prop() lastError?: string;
  @Prop() sentAt?: Date;
}

export const NotificationSchema = SchemaFactory.createForClass(NotificationRecord);
