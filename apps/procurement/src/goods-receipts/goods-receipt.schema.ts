import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { TransitionRecord } from '../shared/domain/transition-record';
import type { ReceiptLine, ReceiptStatus, Signature, SigningRole } from './domain/goods-receipt';

export type StoredReceiptLine = ReceiptLine & { priceFen: number; priceUnitQuantity: number };

@Schema({ collection: 'goods_receipts', timestamps: true, minimize: false })
export class GoodsReceiptDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) purchaseOrderId!: string;
  @Prop({ required: true, index: true }) supplierId!: string;
  @Prop({ type: String, required: true }) status!: ReceiptStatus;
  /** Lines carry the purchase-order price, for the monthly statement (R-PROC-6). */
  @Prop({ type: [Object], default: [] }) lines!: StoredReceiptLine[];
  @Prop({ type: Object, default: () => ({}) }) signatures!: Partial<Record<SigningRole, Signature>>;
  @Prop({ type: [Object], default: [] }) history!: TransitionRecord<ReceiptStatus>[];
  /** When the second signature made it effective: the lots' received time. */
  @Prop() effectiveAt?: Date;
  /** Set once the purchase order is filled and the lots exist. */
  @Prop({ default: false }) stocked!: boolean;
  @Prop({ default: 1 }) version!: number;
}

export const GoodsReceiptSchema = SchemaFactory.createForClass(GoodsReceiptDoc);
