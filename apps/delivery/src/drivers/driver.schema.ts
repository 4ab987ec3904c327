import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'drivers', versionKey: false, timestamps: true })
export class DriverRecord {
  /** The driver id a driver's token carries in its `driverId` claim. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ required: true }) phone!: string;
  @Prop({ required: true }) vehicle!: string;
  @Prop({ required: true, default: true, index: true }) active!: boolean;
}

export const DriverSchema = SchemaFactory.createForClass(DriverRecord);
