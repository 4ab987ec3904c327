import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Ids of events a handler has applied; `_id` = `<handler>:<event id>`, unique by nature. */
@Schema({ collection: 'processed_events', versionKey: false })
export class ProcessedEvent {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) type!: string;
  @Prop({ required: true }) processedAt!: Date;
}

export const ProcessedEventSchema = SchemaFactory.createForClass(ProcessedEvent);
