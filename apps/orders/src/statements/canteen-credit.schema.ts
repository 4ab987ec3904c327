import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CreditLine } from './domain/return-credit';

/** R-AS-6: a credit from an approved return; its id is the return id, so each return credits once. */
@Schema({ collection: 'canteen_credits', timestamps: true, minimize: false })
export class CanteenCreditDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) canteenId!: string;
  @Prop({ required: true }) orderId!: string;
  /** `YYYY-MM`, Asia/Shanghai */
  @Prop({ required: true }) month!: string;
  @Prop({ type: Date, required: true }) approvedAt!: Date;
  @Prop({ type: [Object], default: [] }) lines!: CreditLine[];
  @Prop({ required: true }) amountFen!: number;
}

export const CanteenCreditSchema = SchemaFactory.createForClass(CanteenCreditDocument);
CanteenCreditSchema.index({ canteenId: 1, month: 1 });
