import type { StaffMember } from '../../staff/domain/staff-member';
import type { ComplaintCategory, ComplaintCause, Department } from './complaint.types';

/** Where a cause goes when it does not depend on a staff member (R-AS-3). */
const FIXED_ROUTES: Partial<Record<ComplaintCause, Department>> = {
  'food-quality': 'kitchen',
  'wrong-spec': 'kitchen',
  spoiled: 'kitchen',
  'packaging-damaged': 'warehouse-transport',
  'spoiled-in-transit': 'warehouse-transport',
  'late-delivery': 'delivery',
  'missing-delivery': 'delivery',
  'contract-dispute': 'management',
  improvement: 'management',
  other: 'management',
};

/** Causes about a person's conduct go to that person's department. */
const STAFF_CONDUCT_CAUSES: readonly ComplaintCause[] = [
  'staff-attitude',
  'service-skill',
  'broken-promise',
];

export interface RoutingInput {
  category: ComplaintCategory;
  cause: ComplaintCause;
  /** The staff member the complaint is about, when named and found in the directory. */
  subjectStaff?: Pick<StaffMember, 'staffId' | 'department'>;
  /** Active department leads from the staff directory. */
  departmentLeads: Partial<Record<Department, string>>;
}

export interface Routing {
  department: Department;
  /** The department lead who owns the complaint; absent when the department has no lead yet. */
  responsibleStaffId?: string;
}

/** R-AS-3: category and cause decide the department; its lead is the responsible person. */
export function routeComplaint(input: RoutingInput): Routing {
  const department = departmentFor(input);
  const responsibleStaffId = input.departmentLeads[department];
  return responsibleStaffId ? { department, responsibleStaffId } : { department };
}

function departmentFor(input: RoutingInput): Department {
  if (STAFF_CONDUCT_CAUSES.includes(input.cause)) {
    // Nobody named: the service team answers for its own conduct.
    return input.subjectStaff?.department ?? 'aftersales';
  }
  return FIXED_ROUTES[input.cause] ?? 'management';
}
