import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { LotStatus } from '../domain/lot';

/**
 * A lot (R-INV-1): what it is and where it came from. Its balances are the head of its moves
 * in `stock_moves` (the ledger); `onHand`/`available`/`status` here are a cache for listing,
 * refreshed after every move and never used to decide a move.
 */
@Schema({ collection: 'lots', minimize: false })
export class LotDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) sku!: string;
  @Prop() supplierId?: string;
  @Prop() purchaseOrderId?: string;
  @Prop() receiptId?: string;
  @Prop() returnId?: string;
  /** Purchase price (fen per priceUnitQuantity) for the monthly statement (R-PROC-6). */
  @Prop() priceFen?: number;
  @Prop() priceUnitQuantity?: number;
  @Prop({ required: true }) receivedAt!: Date;
  @Prop({ required: true }) expiresAt!: Date;
  @Prop({ required: true }) quantityReceived!: number;
  @Prop({ required: true }) onHand!: number;
  @Prop({ required: true }) available!: number;
  @Prop({ type: String, required: true }) status!: LotStatus;
  @Prop({ default: 0 }) headSeq!: number;
}

export const LotSchema = SchemaFactory.createForClass(LotDoc);
// The reservation's candidate pages: equality on sku, sorted FIFO (receivedAt, _id) or FEFO
// (expiresAt, receivedAt, _id). With _id last each key is unique, and the whole sort is in the
// index, so a page reads the lots it returns instead of sorting every lot of the sku (real
// MongoDB and the embedded test server alike). The FIFO one also serves what {sku, receivedAt}
// served.
LotSchema.index({ sku: 1, receivedAt: 1, _id: 1 }, { unique: true });
LotSchema.index({ sku: 1, expiresAt: 1, receivedAt: 1, _id: 1 }, { unique: true });
LotSchema.index({ status: 1, expiresAt: 1 });
