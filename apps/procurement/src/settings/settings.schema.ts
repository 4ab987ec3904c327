import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One document of tunables the ops-manager may change without a deploy. */
@Schema({ collection: 'settings', minimize: false })
export class SettingsDoc {
  @Prop({ type: String, required: true }) _id!: string;
  /** R-PROC-4 tolerance above the survey median, whole percent. */
  @Prop({ default: 10 }) tolerancePercent!: number;
  /** R-INV-5 seasonal coefficient per month (1-12), whole percent. */
  @Prop({ type: Object, default: () => ({}) }) seasonalPercent!: Record<string, number>;
}

export const SettingsSchema = SchemaFactory.createForClass(SettingsDoc);
