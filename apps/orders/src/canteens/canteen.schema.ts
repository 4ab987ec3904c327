import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, OutboxFields } from '@app/common';
import type { MealWindow, TimeWindow } from '@app/common';

@Schema({ collection: 'canteens', timestamps: true, minimize: false })
export class Canteen implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ required: true }) address!: string;
  @Prop({ type: Object, required: true }) contact!: { name: string; phone: string; email?: string };
  @Prop({ type: Object, required: true }) receivingWindow!: TimeWindow;
  @Prop({ type: [Object], default: [] }) mealWindows!: MealWindow[];
  @Prop() webhookUrl?: string;
  @Prop({ default: true }) active!: boolean;
  @Prop({ required: true }) registeredBy!: string;

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const CanteenSchema = SchemaFactory.createForClass(Canteen);
