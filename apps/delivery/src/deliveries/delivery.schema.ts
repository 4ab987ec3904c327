import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OUTBOX_SCHEMA_PATHS, type OutboxFields } from '@app/common';
import {
  DELIVERY_STATUSES,
  type BreachRecord,
  type CommandKey,
  type DeliveryLine,
  type DeliveryStatus,
  type Destination,
  type ForceMajeureRecord,
  type LineAcceptance,
  type ProofOfDelivery,
} from './domain/delivery';

/**
 * One delivery per order (unique `orderId`). `version` guards every write, so a command, an
 * order event and a timer sweep never overwrite each other; the due-time fields are indexed
 * for the sweep.
 */
@Schema({ collection: 'deliveries', versionKey: false, minimize: false, timestamps: true })
export class DeliveryRecord implements OutboxFields {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, unique: true }) orderId!: string;
  @Prop({ required: true, index: true }) canteenId!: string;
  @Prop({ required: true }) orderRevision!: number;
  @Prop() replacementForExchangeId?: string;
  @Prop({ type: [Object], default: [] }) lines!: DeliveryLine[];
  @Prop({ required: true }) confirmedAt!: Date;
  @Prop({ required: true, index: true }) deadline!: Date;
  @Prop({ required: true }) deadlineBasis!: string;
  @Prop({ type: Object }) destination?: Destination;
  @Prop({ type: String, required: true, enum: DELIVERY_STATUSES, index: true })
  status!: DeliveryStatus;
  @Prop({ index: true }) driverId?: string;
  @Prop() assignedBy?: string;
  @Prop() assignedAt?: Date;
  @Prop() agreedServiceEnd?: Date;
  @Prop() pickedUpAt?: Date;
  @Prop() arrivedAt?: Date;
  @Prop() serviceEndsAt?: Date;
  @Prop() deliveredAt?: Date;
  @Prop() sentLate?: boolean;
  @Prop() confirmationReceivedAt?: Date;
  @Prop({ type: [Object], default: undefined }) commandKeys?: CommandKey[];
  @Prop() departedAt?: Date;
  @Prop() leftEarly?: boolean;
  @Prop() cancelledAt?: Date;
  @Prop({ type: [Object], default: undefined }) acceptance?: LineAcceptance[];
  @Prop({ type: Object }) proof?: ProofOfDelivery;
  @Prop({ type: Date, default: null, index: true }) atRiskDueAt!: Date | null;
  @Prop() atRiskNotifiedAt?: Date;
  @Prop({ type: Date, default: null, index: true }) breachDueAt!: Date | null;
  @Prop({ type: [Object], default: [] }) breaches!: BreachRecord[];
  @Prop({ type: [Object], default: [] }) forceMajeure!: ForceMajeureRecord[];
  @Prop({ required: true, default: 0 }) version!: number;

  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

export const DeliverySchema = SchemaFactory.createForClass(DeliveryRecord);
