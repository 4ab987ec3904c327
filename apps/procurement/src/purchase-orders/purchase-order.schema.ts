import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { TransitionRecord } from '../shared/domain/transition-record';
import type { PurchaseOrderLine, PurchaseOrderStatus } from './domain/purchase-order';

@Schema({ collection: 'purchase_orders', timestamps: true, minimize: false })
export class PurchaseOrderDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) week!: string;
  @Prop({ required: true, index: true }) supplierId!: string;
  @Prop({ type: String, required: true }) status!: PurchaseOrderStatus;
  @Prop({ type: [Object], default: [] }) lines!: PurchaseOrderLine[];
  @Prop({ type: [Object], default: [] }) history!: TransitionRecord<PurchaseOrderStatus>[];
  /** Receipts already applied, keyed by receipt id: applying one twice is refused by the filter. */
  @Prop({ type: Object, default: () => ({}) }) appliedReceipts!: Record<string, boolean>;
  @Prop({ default: 1 }) version!: number;
}

export const PurchaseOrderSchema = SchemaFactory.createForClass(PurchaseOrderDoc);
