import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, OutboxFields } from '@app/common';
import type { Dish, LatePublication, MenuStatus, Offering } from './domain/weekly-menu';

/** One version of a week's menu; a published version is never changed (R-MENU-4). */
@Schema({ collection: 'menus', timestamps: true, minimize: false })
export class Menu implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) week!: string;
  @Prop({ required: true }) version!: number;
  @Prop({ type: String, required: true }) status!: MenuStatus;
  @Prop({ type: [Object], default: [] }) dishes!: Dish[];
  @Prop({ type: [Object], default: [] }) offerings!: Offering[];
  @Prop({ required: true }) draftedBy!: string;
  @Prop({ type: Date }) publishedAt?: Date;
  @Prop() publishedBy?: string;
  /** R-MENU-1: published after the deadline by the ops-manager, with the reason. */
  @Prop({ type: Object }) late?: LatePublication;

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const MenuSchema = SchemaFactory.createForClass(Menu);
/** One document per (week, version): two chefs cannot open the same version twice. */
MenuSchema.index({ week: 1, version: 1 }, { unique: true });
