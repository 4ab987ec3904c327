import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Local copy of procurement's ingredient catalogue: which SKUs canteens may order, in which unit. */
@Schema({ collection: 'ingredients', minimize: false })
export class Ingredient {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ required: true }) unit!: string;
  /** Time of the snapshot event applied last; older snapshots are ignored. */
  @Prop({ type: Date, default: null }) sourceTime!: Date | null;
}

export const IngredientSchema = SchemaFactory.createForClass(Ingredient);
