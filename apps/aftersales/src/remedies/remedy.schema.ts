import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, OutboxFields } from '@app/common';
import type { Remedy } from './domain/remedy';
import { REMEDY_STATUSES, REMEDY_TYPES } from './domain/remedy';

/**
 * A return or exchange (R-AS-6/7). Its approval event is staged in the same document write
 * (outbox). Opened from a delivery, its id is `<deliveryId>:<lineId>`, so a redelivered event
 * cannot open it twice.
 */
@Schema({ collection: 'remedies', versionKey: false, minimize: false })
export class RemedyDoc implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) canteenId!: string;
  @Prop({ required: true }) originalOrderId!: string;
  @Prop({ type: Object, required: true }) source!: Remedy['source'];
  @Prop({ type: [Object], required: true }) lines!: Remedy['lines'];
  @Prop({ type: String, enum: REMEDY_TYPES, required: true }) type!: Remedy['type'];
  @Prop({ type: String, required: true }) chosenBy!: Remedy['chosenBy'];
  @Prop() needBy?: Date;
  @Prop({ required: true }) atCompanyCost!: boolean;
  @Prop({ required: true, index: true }) openedAt!: Date;
  @Prop({ type: String, enum: REMEDY_STATUSES, required: true, index: true })
  status!: Remedy['status'];
  @Prop() approvedBy?: string;
  @Prop() approvedAt?: Date;
  @Prop() replacementOrderId?: string;
  @Prop({ type: Object }) inspection?: Remedy['inspection'];
  @Prop({ type: Object }) charge?: Remedy['charge'];
  @Prop({ default: 1 }) version!: number;

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const RemedySchema = SchemaFactory.createForClass(RemedyDoc);
