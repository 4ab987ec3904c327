import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, OutboxFields } from '@app/common';
import type { TimeWindow } from '@app/common';
import type { ApprovedMealWindow } from './domain/canteen-terms';

@Schema({ collection: 'canteens', timestamps: true, minimize: false })
export class Canteen implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ required: true }) address!: string;
  @Prop({ type: Object, required: true }) contact!: { name: string; phone: string; email?: string };
  @Prop({ type: Object, required: true }) receivingWindow!: TimeWindow;
  /** R-MENU-3: only ops-manager-approved exceptions are stored here. */
  @Prop({ type: [Object], default: [] }) mealWindows!: ApprovedMealWindow[];
  /** Contract markup on raw ingredients, basis points (1 % = 100). */
  @Prop({ default: 0 }) markupBp!: number;
  @Prop() webhookUrl?: string;
  @Prop({ default: true }) active!: boolean;
  @Prop({ required: true }) registeredBy!: string;

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const CanteenSchema = SchemaFactory.createForClass(Canteen);
