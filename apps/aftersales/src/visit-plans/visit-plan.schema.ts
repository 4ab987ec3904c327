import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export interface MonthPlan {
  planned: number;
  done: number;
}

export interface VisitRecord {
  month: string;
  visitedAt: Date;
  visitedBy: string;
  notes: string;
}

/** R-AS-17: a canteen's visits for a quarter; id `<canteenId>-<quarter>`. */
@Schema({ collection: 'visit_plans', versionKey: false, minimize: false })
export class VisitPlanDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) canteenId!: string;
  @Prop({ required: true, index: true }) quarter!: string;
  /** Keyed by month (`YYYY-MM`) so a visit increments its month by key. */
  @Prop({ type: Object, required: true }) months!: Record<string, MonthPlan>;
  @Prop({ type: [Object], default: [] }) visits!: VisitRecord[];
  @Prop({ required: true }) plannedBy!: string;
  @Prop({ required: true }) plannedAt!: Date;
}

export const VisitPlanSchema = SchemaFactory.createForClass(VisitPlanDoc);
