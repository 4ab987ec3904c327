import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { LotStatus, MoveKind } from '../domain/lot';

/**
 * The append-only stock ledger (R-INV-4). `_id` = `<lotId>:<seq>`: the unique key that makes
 * "append after the head I read" atomic. `moveKey` names the business step (unique), so a
 * retried step is never booked twice. Rows are never updated or deleted.
 */
@Schema({ collection: 'stock_moves' })
export class StockMoveDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) lotId!: string;
  @Prop({ required: true }) sku!: string;
  @Prop({ required: true }) seq!: number;
  @Prop({ type: String, required: true }) kind!: MoveKind;
  @Prop({ required: true }) onHandDelta!: number;
  @Prop({ required: true }) availableDelta!: number;
  @Prop({ default: 0 }) holdDelta!: number;
  @Prop({ required: true }) onHandAfter!: number;
  @Prop({ required: true }) availableAfter!: number;
  @Prop({ type: String, required: true }) statusAfter!: LotStatus;
  @Prop({ required: true }) at!: Date;
  /** Order, receipt, supplier… the move belongs to. */
  @Prop({ required: true }) ref!: string;
  @Prop() by?: string;
  @Prop() reason?: string;
  @Prop({ required: true, unique: true }) moveKey!: string;
}

export const StockMoveSchema = SchemaFactory.createForClass(StockMoveDoc);
StockMoveSchema.index({ lotId: 1, seq: -1 });
StockMoveSchema.index({ ref: 1 });
StockMoveSchema.index({ sku: 1 });
