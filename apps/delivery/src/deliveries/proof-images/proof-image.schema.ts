import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PROOF_IMAGE_KINDS, type ProofImageKind } from '../domain/proof-image-type';

/** The bytes of one proof image, with the delivery (and so the canteen) it belongs to. */
@Schema({ collection: 'proof_images', versionKey: false, timestamps: { createdAt: true } })
export class ProofImageRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, index: true }) deliveryId!: string;
  @Prop({ required: true }) canteenId!: string;
  @Prop({ required: true }) driverId!: string;
  @Prop({ type: String, required: true, enum: PROOF_IMAGE_KINDS }) kind!: ProofImageKind;
  @Prop({ required: true }) contentType!: string;
  @Prop({ required: true }) size!: number;
  @Prop({ type: Buffer, required: true }) data!: Buffer;
  createdAt?: Date;
}

export const ProofImageSchema = SchemaFactory.createForClass(ProofImageRecord);
