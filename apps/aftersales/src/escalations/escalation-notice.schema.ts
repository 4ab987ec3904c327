import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ResponseTimerKind } from '../complaints/domain/response-timers';
import type { EscalationKind } from './domain/escalation-notice';

export const NOTICE_STATUSES = ['pending', 'sent', 'failed', 'no-webhook'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/**
 * R-AS-4: an escalation pushed to the aftersales-lead. `_id` = the notice id derived from the
 * complaint (see escalation-notice.ts), so deriving it again inserts nothing.
 */
@Schema({ collection: 'escalation_notices', versionKey: false })
export class EscalationNoticeRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) kind!: EscalationKind;
  @Prop({ required: true }) recipient!: string;
  @Prop({ required: true, index: true }) complaintId!: string;
  @Prop({ required: true }) canteenId!: string;
  @Prop({ type: String }) timer?: ResponseTimerKind;
  @Prop({ required: true }) escalatedAt!: Date;
  @Prop({ required: true }) message!: string;
  @Prop({ required: true, index: true }) createdAt!: Date;
  @Prop() webhookUrl?: string;
  @Prop({ type: String, required: true, enum: NOTICE_STATUSES }) status!: NoticeStatus;
  @Prop({ required: true, default: 0 }) attempts!: number;
  @Prop({ type: Date, default: null, index: true }) nextAttemptAt!: Date | null;
  @Prop() lastError?: string;
  @Prop() sentAt?: Date;
}

export const EscalationNoticeSchema = SchemaFactory.createForClass(EscalationNoticeRecord);
