import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Aftersales' copy of a canteen: whom to call back and survey. */
@Schema({ collection: 'canteens', versionKey: false })
export class CanteenCopy {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ type: Object, required: true }) contact!: { name: string; phone: string; email?: string };
  @Prop({ default: true }) active!: boolean;
  @Prop({ required: true }) sourceTime!: Date;
}

export const CanteenCopySchema = SchemaFactory.createForClass(CanteenCopy);
