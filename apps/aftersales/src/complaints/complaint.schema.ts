import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Complaint } from './domain/complaint';
import { COMPLAINT_STATUSES } from './domain/complaint.types';

/**
 * One complaint with its whole step history (R-AS-2). `version` guards every write, so two
 * agents or two timer instances never overwrite each other; `nextTimerDueAt` is what the
 * response-time sweep queries (R-AS-4).
 */
@Schema({ collection: 'complaints', versionKey: false, minimize: false })
export class ComplaintDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) canteenId!: string;
  @Prop({ required: true }) channel!: string;
  @Prop({ required: true }) category!: string;
  @Prop({ required: true }) cause!: string;
  @Prop({ type: Object, default: () => ({}) }) subject!: Complaint['subject'];
  @Prop({ required: true }) description!: string;
  @Prop() request?: string;
  @Prop({ required: true }) reportedAt!: Date;
  @Prop({ required: true, index: true }) recordedAt!: Date;
  @Prop({ type: String, enum: COMPLAINT_STATUSES, required: true, index: true })
  status!: Complaint['status'];
  @Prop() valid?: boolean;
  @Prop() invalidReason?: string;
  @Prop({ type: Object }) routing?: Complaint['routing'];
  @Prop() handlingPlan?: string;
  @Prop({ type: Object }) responsible?: Complaint['responsible'];
  @Prop() resolution?: string;
  @Prop({ type: Object }) customerAnswer?: Complaint['customerAnswer'];
  @Prop({ default: 0 }) reopenCount!: number;
  @Prop({ default: false }) specialCase!: boolean;
  @Prop({ default: false }) markedForReward!: boolean;
  @Prop() improvementNote?: string;
  @Prop({ type: Object, default: () => ({}) }) timers!: Complaint['timers'];
  @Prop({ type: [Object], default: [] }) steps!: Complaint['steps'];
  @Prop() closedAt?: Date;

  @Prop({ default: 1 }) version!: number;
  @Prop({ type: Date, default: null, index: true }) nextTimerDueAt!: Date | null;
  /** Some response time was missed (R-AS-18 lists these). */
  @Prop({ default: false, index: true }) escalated!: boolean;
  /** Closed complaints get the follow-ups of R-AS-13/14; false until they are planned. */
  @Prop({ type: Boolean, default: null, index: true }) followUpsPlanned!: boolean | null;
}

export const ComplaintSchema = SchemaFactory.createForClass(ComplaintDoc);
