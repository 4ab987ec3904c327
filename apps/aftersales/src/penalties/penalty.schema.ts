import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Penalty } from './domain/penalty';
import { PENALTY_STATUSES } from './domain/penalty';

/**
 * A penalty with its ledger postings (R-AS-12). Postings are only ever appended; the id of a
 * penalty raised by an event (`breach-<deliveryId>`, `early-<deliveryId>-<driverId>`) makes a
 * redelivered event propose nothing twice.
 */
@Schema({ collection: 'penalties', versionKey: false, minimize: false })
export class PenaltyDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) staffId!: string;
  @Prop({ required: true }) borneByLead!: boolean;
  @Prop({ type: Object, required: true }) source!: Penalty['source'];
  @Prop({ required: true }) reason!: string;
  @Prop() severity?: string;
  @Prop() fixedFine?: string;
  @Prop({ type: Object }) problem?: Penalty['problem'];
  @Prop({ required: true }) baseFen!: number;
  @Prop({ required: true }) amountFen!: number;
  @Prop({ required: true }) doubled!: boolean;
  @Prop() repeatOfPenaltyId?: string;
  @Prop({ required: true }) flaggedForDismissal!: boolean;
  @Prop({ required: true, index: true }) occurredAt!: Date;
  @Prop({ required: true }) proposedAt!: Date;
  @Prop({ required: true }) proposedBy!: string;
  @Prop() holdUntil?: Date;
  @Prop({ type: String, enum: PENALTY_STATUSES, required: true, index: true })
  status!: Penalty['status'];
  @Prop() decidedBy?: string;
  @Prop() decidedAt?: Date;
  @Prop() decisionNote?: string;
  @Prop({ type: Object }) appeal?: Penalty['appeal'];
  @Prop({ type: [Object], default: [] }) entries!: Penalty['entries'];
  /** Months the postings belong to, for the monthly totals query. */
  @Prop({ type: [String], default: [], index: true }) months!: string[];
  @Prop({ default: 1 }) version!: number;
}

export const PenaltySchema = SchemaFactory.createForClass(PenaltyDoc);
PenaltySchema.index({ 'problem.staffId': 1, 'problem.canteenId': 1, occurredAt: -1 });

/** Service settings; one document per setting. */
@Schema({ collection: 'settings', versionKey: false })
export class SettingDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Object, required: true }) value!: unknown;
  @Prop() updatedBy?: string;
  @Prop() updatedAt?: Date;
}

export const SettingSchema = SchemaFactory.createForClass(SettingDoc);
