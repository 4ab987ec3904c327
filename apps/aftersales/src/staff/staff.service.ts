import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DomainError } from '@app/common';
import type { Department } from '../complaints/domain/complaint.types';
import type { StaffMember } from './domain/staff-member';
import { StaffMemberDoc } from './staff-member.schema';
import type { StaffMemberView, UpsertStaffMemberDto } from './staff.dto';

/**
 * Decision: when the directory has no aftersales department lead yet, fines nobody answers for
 * are booked to this placeholder so nothing is lost; the lead re-assigns them by correction.
 */
export const UNNAMED_AFTERSALES_LEAD = 'aftersales-lead';

@Injectable()
export class StaffService {
  constructor(@InjectModel(StaffMemberDoc.name) private readonly staff: Model<StaffMemberDoc>) {}

  async upsert(id: string, dto: UpsertStaffMemberDto): Promise<StaffMemberView> {
    const fields = { ...dto, active: dto.active ?? true };
    const saved = await this.staff
      .findOneAndUpdate({ _id: id }, { $set: fields }, { upsert: true, new: true })
      .lean()
      .exec();
    return toView(saved);
  }

  async list(department?: Department): Promise<StaffMemberView[]> {
    const found = await this.staff
      .find(department ? { department } : {})
      .sort({ _id: 1 })
      .lean()
      .exec();
    return found.map(toView);
  }

  async get(id: string): Promise<StaffMemberView> {
    const found = await this.staff.findById(id).lean().exec();
    if (!found) throw DomainError.notFound('staff member', id);
    return toView(found);
  }

  async find(id: string): Promise<StaffMember | null> {
    const found = await this.staff.findById(id).lean().exec();
    return found ? toMember(found) : null;
  }

  /** The active head of each department, for routing (R-AS-3). */
  async departmentLeads(): Promise<Partial<Record<Department, string>>> {
    const leads = await this.staff
      .find({ departmentLead: true, active: true })
      .sort({ _id: 1 })
      .lean()
      .exec();
    const byDepartment: Partial<Record<Department, string>> = {};
    for (const lead of leads) byDepartment[lead.department] ??= lead._id;
    return byDepartment;
  }

  /** Who bears a fine nobody directly answers for (R-AS-10). */
  async aftersalesLeadId(): Promise<string> {
    return (await this.departmentLeads()).aftersales ?? UNNAMED_AFTERSALES_LEAD;
  }
}

function toMember(d: StaffMemberDoc): StaffMember {
  return {
    staffId: d._id,
    name: d.name,
    department: d.department,
    ...(d.leadId && { leadId: d.leadId }),
    departmentLead: d.departmentLead,
    active: d.active,
  };
}

function toView(d: StaffMemberDoc): StaffMemberView {
  const { staffId, ...rest } = toMember(d);
  return { id: staffId, ...rest };
}
