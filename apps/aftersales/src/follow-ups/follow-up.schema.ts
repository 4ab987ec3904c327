import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { FollowUp } from './domain/follow-up';
import { FOLLOW_UP_KINDS } from './domain/follow-up-schedule';

/**
 * One satisfaction call or follow-up visit (R-AS-13/14). Its id is
 * `<delivery|complaint>-<id>-<kind>`, so planning twice for the same delivery plans once.
 * The due list and the sweeps query the stored due times (R-AS-18).
 */
@Schema({ collection: 'follow_ups', versionKey: false, minimize: false })
export class FollowUpDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) canteenId!: string;
  @Prop({ type: Object, required: true }) trigger!: FollowUp['trigger'];
  @Prop({ type: String, enum: FOLLOW_UP_KINDS, required: true }) kind!: FollowUp['kind'];
  @Prop({ type: Object, required: true }) window!: FollowUp['window'];
  @Prop({ required: true, index: true }) dueFrom!: Date;
  @Prop({ required: true }) dueBy!: Date;
  @Prop({ type: String, enum: ['due', 'done'], required: true, index: true })
  status!: FollowUp['status'];
  @Prop() doneAt?: Date;
  @Prop() doneBy?: string;
  @Prop() doneByRole?: string;
  @Prop() notes?: string;
  @Prop({ type: Object }) survey?: FollowUp['survey'];
  @Prop({ type: Object }) score?: FollowUp['score'];
  /** Keyed by point id: updated by key, never by array position. */
  @Prop({ type: Object, default: () => ({}) }) openPoints!: FollowUp['openPoints'];

  @Prop({ default: 1 }) version!: number;
  /** Earliest report due of an unreported open point (R-AS-16 sweep). */
  @Prop({ type: Date, default: null, index: true }) nextReportDueAt!: Date | null;
  /** Some open point still waits for the supervisor, a solution or the canteen's notice. */
  @Prop({ default: false, index: true }) pendingPoints!: boolean;
  /** False between recording a follow-up and creating what follows from it (second, complaint). */
  @Prop({ type: Boolean, default: null, index: true }) consequencesApplied!: boolean | null;
}

export const FollowUpSchema = SchemaFactory.createForClass(FollowUpDoc);
