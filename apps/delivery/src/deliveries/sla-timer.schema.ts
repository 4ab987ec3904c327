import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The live SLA checks: one document per delivery that still has an at-risk or breach check
 * ahead, with the earliest due time. The sweep reads only these, so its cost follows the
 * deliveries in flight, never the history of finished ones. Lowered before the delivery is
 * written (so a due check is never missing) and corrected after it; `version` is the delivery
 * version the timer was last corrected for, so a stale correction never undoes a newer one. A
 * timer that fires early finds nothing due and moves to the delivery's next due time.
 */
@Schema({ collection: 'sla_timers', versionKey: false })
export class SlaTimer {
  /** The delivery's id. */
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: Date, required: true, index: true }) dueAt!: Date;
  @Prop({ required: true, default: 0 }) version!: number;
}

export const SlaTimerSchema = SchemaFactory.createForClass(SlaTimer);
