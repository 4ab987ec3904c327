import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { TimeWindow } from '@app/common';

/** The delivery service's own copy of a canteen, kept from the orders service's snapshots. */
@Schema({ collection: 'canteen_copies', versionKey: false, minimize: false })
export class CanteenCopy {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ required: true }) address!: string;
  /** The canteen's receiving contact (absent in copies made before it was kept). */
  @Prop({ type: Object }) contact?: { name: string; phone: string };
  @Prop({ type: Object, required: true }) receivingWindow!: TimeWindow;
  @Prop() webhookUrl?: string;
  @Prop({ required: true }) active!: boolean;
  /** Time of the snapshot event applied; older snapshots are ignored. */
  @Prop({ type: Date, default: null }) sourceTime!: Date | null;
}

export const CanteenCopySchema = SchemaFactory.createForClass(CanteenCopy);
