import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A designated supplier (定点供应商), paid by monthly settlement (R-PROC-6). */
@Schema({ collection: 'suppliers', timestamps: true })
export class SupplierDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ type: Object, required: true }) contact!: { name: string; phone: string };
  /** Ingredients it is designated for. */
  @Prop({ type: [String], default: [] }) skus!: string[];
  @Prop({ type: String, default: 'monthly' }) settlement!: 'monthly';
  @Prop({ required: true }) registeredBy!: string;
}

export const SupplierSchema = SchemaFactory.createForClass(SupplierDoc);
