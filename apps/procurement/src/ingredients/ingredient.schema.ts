import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, OutboxFields } from '@app/common';
import type { BaseUnit } from '@app/common';
import type { RemovalStrategy, StorageKind } from './domain/ingredient';

/** The ingredient catalogue; `_id` is the SKU. */
@Schema({ collection: 'ingredients', timestamps: true, minimize: false })
export class IngredientDoc implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ type: String, required: true }) unit!: BaseUnit;
  @Prop({ required: true }) category!: string;
  @Prop({ type: String, required: true }) storage!: StorageKind;
  @Prop({ required: true }) shelfLifeDays!: number;
  @Prop({ type: String, required: true }) removalStrategy!: RemovalStrategy;
  @Prop({ default: 1 }) version!: number;

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const IngredientSchema = SchemaFactory.createForClass(IngredientDoc);
