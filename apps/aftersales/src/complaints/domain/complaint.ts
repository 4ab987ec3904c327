import type { Actor } from '../../shared/actor';
import type {
  ComplaintCategory,
  ComplaintCause,
  ComplaintChannel,
  ComplaintStatus,
  ComplaintSubject,
  Department,
} from './complaint.types';
import type { Routing } from './complaint-routing';
import type { ResponseTimers } from './response-timers';

export const COMPLAINT_STEP_NAMES = [
  'recorded',
  'first-contact',
  'assessed-valid',
  'assessed-invalid',
  'assigned',
  'supervisor-checked',
  'investigated',
  'resolution-proposed',
  'approved',
  'customer-notified',
  'customer-satisfied',
  'customer-not-satisfied',
  'escalated',
  'improvement-noted',
  'marked-for-reward',
] as const;
export type ComplaintStepName = (typeof COMPLAINT_STEP_NAMES)[number];

/** One line of the R-AS-2 history: what happened, who did it, when. */
export interface ComplaintStep {
  step: ComplaintStepName;
  actorId: string;
  actorRole: string;
  at: Date;
  note?: string;
}

export interface CustomerAnswer {
  satisfied: boolean;
  comment?: string;
  at: Date;
}

export interface Complaint {
  complaintId: string;
  canteenId: string;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  cause: ComplaintCause;
  subject: ComplaintSubject;
  /** What the canteen said and what it asks for. */
  description: string;
  request?: string;
  /** When the canteen reported it; the response times run from `recordedAt` (R-AS-4). */
  reportedAt: Date;
  recordedAt: Date;
  status: ComplaintStatus;
  valid?: boolean;
  invalidReason?: string;
  routing?: Routing;
  handlingPlan?: string;
  responsible?: { department: Department; staffId?: string; finding: string };
  resolution?: string;
  customerAnswer?: CustomerAnswer;
  reopenCount: number;
  /** R-AS-4: reopened twice → a special case for the aftersales-lead. */
  specialCase: boolean;
  markedForReward: boolean;
  improvementNote?: string;
  timers: ResponseTimers;
  steps: ComplaintStep[];
  closedAt?: Date;
}

export function step(
  name: ComplaintStepName,
  actor: Actor,
  at: Date,
  note?: string,
): ComplaintStep {
  return note === undefined
    ? { step: name, actorId: actor.id, actorRole: actor.role, at }
    : { step: name, actorId: actor.id, actorRole: actor.role, at, note };
}
