import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Procurement's copy of a canteen: who an order's stock is reserved for. */
@Schema({ collection: 'canteens', versionKey: false })
export class CanteenCopy {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ default: true }) active!: boolean;
  @Prop({ required: true }) sourceTime!: Date;
}

export const CanteenCopySchema = SchemaFactory.createForClass(CanteenCopy);
