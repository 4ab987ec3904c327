import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * "This happens once" markers: `_id` names the thing (a delivery's breach for one deadline, a
 * webhook attempt). A unique `_id` insert is the one write that is atomic on MongoDB and on
 * the FerretDB we run in development alike, so whoever inserts first does the thing.
 */
@Schema({ collection: 'claims', versionKey: false })
export class ClaimRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) claimedAt!: Date;
}

export const ClaimSchema = SchemaFactory.createForClass(ClaimRecord);
