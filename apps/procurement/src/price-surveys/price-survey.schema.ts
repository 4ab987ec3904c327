import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { TransitionRecord } from '../shared/domain/transition-record';
import type { PriceObservation, SurveyStatus } from './domain/price-survey';

/** One survey per ISO week; `_id` is the week (2026-W11). `version` guards concurrent edits. */
@Schema({ collection: 'price_surveys', timestamps: true, minimize: false })
export class PriceSurveyDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) status!: SurveyStatus;
  @Prop({ type: [String], default: [] }) requiredSkus!: string[];
  @Prop({ type: [Object], default: [] }) observations!: PriceObservation[];
  @Prop({ type: [String], default: [] }) compilers!: string[];
  @Prop() returnReason?: string;
  @Prop({ type: [Object], default: [] }) history!: TransitionRecord<SurveyStatus>[];
  @Prop({ default: 1 }) version!: number;
}

export const PriceSurveySchema = SchemaFactory.createForClass(PriceSurveyDoc);

/** Ingredient SKUs of each week's published menus (orders.menu.published): what the survey must cover. */
@Schema({ collection: 'menu_ingredients' })
export class MenuIngredientsDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: [String], default: [] }) skus!: string[];
}

export const MenuIngredientsSchema = SchemaFactory.createForClass(MenuIngredientsDoc);
