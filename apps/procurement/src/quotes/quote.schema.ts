import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, OutboxFields } from '@app/common';
import type { TransitionRecord } from '../shared/domain/transition-record';
import type { QuoteLine, QuoteStatus, QuoteVerification } from './domain/quote';
import type { RoundReopening } from './domain/quote-deadline';

/** One quote per supplier and week: `_id` = `<week>:<supplierId>`. Carries the prices-approved outbox. */
@Schema({ collection: 'quotes', timestamps: true, minimize: false })
export class QuoteDoc implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) week!: string;
  @Prop({ required: true, index: true }) supplierId!: string;
  @Prop({ type: String, required: true }) status!: QuoteStatus;
  @Prop({ required: true }) revision!: number;
  @Prop({ type: [Object], default: [] }) lines!: QuoteLine[];
  @Prop({ type: Object }) verification?: QuoteVerification;
  @Prop() rejectionReason?: string;
  @Prop({ type: [Object], default: [] }) history!: TransitionRecord<QuoteStatus>[];
  @Prop({ default: 1 }) version!: number;

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const QuoteSchema = SchemaFactory.createForClass(QuoteDoc);

/** A week's quote round: whether an ops-manager reopened it after the deadline (R-PROC-3). */
@Schema({ collection: 'price_rounds', minimize: false })
export class PriceRoundDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Object }) reopening?: RoundReopening;
  @Prop({ type: [Object], default: [] }) reopenings!: RoundReopening[];
}

export const PriceRoundSchema = SchemaFactory.createForClass(PriceRoundDoc);
