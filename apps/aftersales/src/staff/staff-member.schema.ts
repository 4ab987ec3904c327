import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Department } from '../complaints/domain/complaint.types';

/** The staff directory: routing (R-AS-3) and who bears penalties (R-AS-8…12). */
@Schema({ collection: 'staff', versionKey: false, timestamps: true })
export class StaffMemberDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ type: String, required: true, index: true }) department!: Department;
  @Prop({ type: String }) leadId?: string;
  @Prop({ default: false }) departmentLead!: boolean;
  @Prop({ default: true }) active!: boolean;
}

export const StaffMemberSchema = SchemaFactory.createForClass(StaffMemberDoc);
