import type { Department } from '../../complaints/domain/complaint.types';

/** One entry of the staff directory used for routing (R-AS-3) and penalties (R-AS-8…12). */
export interface StaffMember {
  staffId: string;
  name: string;
  department: Department;
  /** The staff member's own lead, if any. */
  leadId?: string;
  /** Heads the department: complaints routed there land on them. */
  departmentLead: boolean;
  active: boolean;
}
