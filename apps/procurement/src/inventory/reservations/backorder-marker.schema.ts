import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The live list of backordered reservations (`_id` = orderId), so the retry after new stock and
 * the shortage view read only what is waiting, never every reservation ever made. Written before
 * a reservation becomes backordered and removed after it stops being so: a marker may outlive
 * its backorder briefly (the retry skips it), but a backorder is never missing from the list.
 */
@Schema({ collection: 'backorder_markers', versionKey: false })
export class BackorderMarker {
  @Prop({ type: String, required: true }) _id!: string;
}

export const BackorderMarkerSchema = SchemaFactory.createForClass(BackorderMarker);
