import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A breached delivery deadline (R-DEL-5) as aftersales sees it; id = deliveryId. A waiver may
 * arrive after the breach (R-DEL-6) — or, redelivered, before it — and always wins.
 */
@Schema({ collection: 'incidents', versionKey: false })
export class IncidentDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop() canteenId?: string;
  @Prop() orderId?: string;
  @Prop({ type: String, enum: ['open', 'waived'], required: true, index: true }) status!:
    'open' | 'waived';
  @Prop() detectedAt?: Date;
  @Prop() responsibleStaffId?: string;
  @Prop() responsibleRole?: string;
  @Prop() penaltyId?: string;
  @Prop() waiverCause?: string;
  @Prop() waiverProofRef?: string;
  @Prop() waivedAt?: Date;
}

export const IncidentSchema = SchemaFactory.createForClass(IncidentDoc);
