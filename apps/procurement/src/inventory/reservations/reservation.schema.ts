import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, OutboxFields } from '@app/common';
import type { Allocation } from '../domain/lot-allocation';
import type { ReservationStatus } from '../domain/reservation';

/**
 * Who may move an order's stock right now: moving it touches several lots, and no single-document
 * write covers them all. Given back by the write that stores the outcome.
 */
export interface ReservationLease {
  id: string;
  /** A lease past this instant belongs to a holder that died; it may be taken over. */
  until: Date;
}

/**
 * One reservation per order (`_id` = orderId, so a redelivered event cannot create a second).
 * Only the holder of its `lease` changes it; the lease id names the holder's ledger steps, so
 * two attempts never share a step name.
 */
@Schema({ collection: 'reservations', timestamps: true, minimize: false })
export class ReservationDoc implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop() canteenId?: string;
  @Prop({ required: true }) revision!: number;
  @Prop({ type: String, required: true, index: true }) status!: ReservationStatus | 'pending';
  @Prop() placedAt?: Date;
  @Prop() usableUntil?: Date;
  @Prop({ type: [Object], default: [] }) demand!: { sku: string; quantity: number }[];
  @Prop({ type: [Object], default: [] }) allocations!: Allocation[];
  @Prop({ type: [Object], default: [] }) missing!: { sku: string; quantity: number }[];
  @Prop({ type: Object }) lease?: ReservationLease;

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const ReservationSchema = SchemaFactory.createForClass(ReservationDoc);
ReservationSchema.index({ status: 1, placedAt: 1 });
