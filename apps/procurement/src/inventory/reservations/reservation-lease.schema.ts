import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Who may move an order's stock right now. Taken by inserting this document (`_id` = orderId),
 * because moving an order's stock touches several lots and no single-document write covers it.
 * Removed when the work is done; a lease past `until` (its holder died) may be taken over.
 */
@Schema({ collection: 'reservation_leases', versionKey: false })
export class ReservationLeaseDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) leaseId!: string;
  @Prop({ required: true }) until!: Date;
}

export const ReservationLeaseSchema = SchemaFactory.createForClass(ReservationLeaseDoc);
