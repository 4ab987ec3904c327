import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * "This happens once" markers: `_id` names the thing (a follow-up falling due, a webhook
 * attempt). Whoever inserts the `_id` first does the thing.
 */
@Schema({ collection: 'claims', versionKey: false })
export class ClaimRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) claimedAt!: Date;
}

export const ClaimSchema = SchemaFactory.createForClass(ClaimRecord);
