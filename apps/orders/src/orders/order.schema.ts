import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, OutboxFields } from '@app/common';
import type {
  DeliveryRecord,
  OrderLine,
  OrderStatus,
  ReplacementLink,
  SkuAmount,
} from './domain/order';

@Schema({ collection: 'orders', timestamps: true, minimize: false })
export class OrderDocument implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) canteenId!: string;
  /**
   * R-ORD-5: unique per canteen. Replacement orders use `exchange:<exchangeId>`, which makes an
   * approved exchange create at most one replacement.
   */
  @Prop({ required: true }) idempotencyKey!: string;
  /** Fingerprint of the first request under the key; a different request under it is refused. */
  @Prop({ required: true }) requestFingerprint!: string;
  @Prop({ type: String, required: true }) status!: OrderStatus;
  @Prop({ required: true }) revision!: number;
  @Prop({ type: Date, required: true }) placedAt!: Date;
  @Prop({ type: Date }) requestedTime?: Date;
  @Prop({ type: Date }) needBy?: Date;
  @Prop({ type: Date }) mealStartsAt?: Date;
  @Prop({ required: true }) urgent!: boolean;
  @Prop({ type: Object }) replacementFor?: ReplacementLink;
  @Prop({ type: [Object], default: [] }) lines!: OrderLine[];
  @Prop({ type: [Object], default: [] }) ingredientDemand!: SkuAmount[];
  @Prop({ required: true }) totalFen!: number;
  @Prop({ type: [Object], default: [] }) missing!: SkuAmount[];
  @Prop({ type: Date }) confirmedAt?: Date;
  @Prop({ type: Date }) dispatchedAt?: Date;
  @Prop({ type: Date }) cancelledAt?: Date;
  @Prop({ type: Object }) delivery?: DeliveryRecord;
  /** When the goods were accepted; indexed for the monthly statement. */
  @Prop({ type: Date, index: true }) deliveredAt?: Date;

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const OrderSchema = SchemaFactory.createForClass(OrderDocument);
OrderSchema.index({ canteenId: 1, idempotencyKey: 1 }, { unique: true });
