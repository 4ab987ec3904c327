import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, OutboxFields } from '@app/common';
import type { InspectionFindings, InspectionOutcome } from './domain/returned-goods-inspection';

/** Goods a canteen sent back (aftersales.return.approved), awaiting the warehouse's inspection (R-AS-7). */
@Schema({ collection: 'returned_goods', timestamps: true, minimize: false })
export class ReturnedGoodsDoc implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) canteenId!: string;
  @Prop({ required: true }) originalOrderId!: string;
  @Prop({ required: true }) approvedAt!: Date;
  @Prop({ type: [Object], default: [] }) lines!: {
    lineId: string;
    quantity: number;
    sku?: string;
  }[];
  @Prop({ type: String, required: true, index: true }) status!:
    'awaiting-inspection' | InspectionOutcome;
  @Prop({ type: Object }) inspection?: InspectionFindings & {
    by: string;
    at: Date;
    bestBefore?: string;
  };

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const ReturnedGoodsSchema = SchemaFactory.createForClass(ReturnedGoodsDoc);
