import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ApprovedPriceQuote } from '../orders/domain/line-pricing';

/** The week's approved purchase prices (R-PROC-5), one document per ISO week. */
@Schema({ collection: 'approved_prices', minimize: false })
export class ApprovedPrices {
  /** ISO week, e.g. `2026-W50` */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: [Object], default: [] }) prices!: ApprovedPriceQuote[];
  @Prop({ type: Date, default: null }) sourceTime!: Date | null;
}

export const ApprovedPricesSchema = SchemaFactory.createForClass(ApprovedPrices);
