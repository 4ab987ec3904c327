/**
 * R-AS-4: an escalation reaches a person. Every missed response time and every complaint that
 * became a special case (reopened twice) gives one notice for the aftersales-lead, derived from
 * the complaint's stored state, so that deriving it twice gives the same notice (same id) and a
 * notice missed by a crash is derived again by the next sweep.
 */
import type { Complaint } from '../../complaints/domain/complaint';
import {
  RESPONSE_TIMER_KINDS,
  type ResponseTimerKind,
} from '../../complaints/domain/response-timers';

export const ESCALATION_RECIPIENT = 'aftersales-lead';

export type EscalationKind = 'response-time-missed' | 'special-case';

export interface EscalationNotice {
  /** Deterministic: one notice per missed time (per due time) and per special case. */
  noticeId: string;
  kind: EscalationKind;
  recipient: typeof ESCALATION_RECIPIENT;
  complaintId: string;
  canteenId: string;
  /** The missed response time, for `response-time-missed`. */
  timer?: ResponseTimerKind;
  /** When the complaint escalated. */
  escalatedAt: Date;
  message: string;
}

const TIMER_NAMES: Record<ResponseTimerKind, string> = {
  'first-contact': 'first contact within 30 min',
  'handling-plan': 'handling plan within 2 h',
  'supervisor-check': 'supervisor check 4 h after assignment',
  answer: 'answer within 24 h',
};

export function escalationNoticesFor(complaint: Complaint): EscalationNotice[] {
  const base = {
    recipient: ESCALATION_RECIPIENT,
    complaintId: complaint.complaintId,
    canteenId: complaint.canteenId,
  } as const;
  const notices: EscalationNotice[] = [];
  for (const timer of RESPONSE_TIMER_KINDS) {
    const t = complaint.timers[timer];
    if (!t?.escalatedAt || !t.dueAt) continue;
    notices.push({
      ...base,
      noticeId: `complaint:${complaint.complaintId}:${timer}:${new Date(t.dueAt).toISOString()}`,
      kind: 'response-time-missed',
      timer,
      escalatedAt: new Date(t.escalatedAt),
      message: `complaint ${complaint.complaintId} (${complaint.category}, canteen ${complaint.canteenId}): ${TIMER_NAMES[timer]} missed, due ${new Date(t.dueAt).toISOString()}`,
    });
  }
  if (complaint.specialCase) {
    const reopenings = complaint.steps.filter((s) => s.step === 'customer-not-satisfied');
    const at = reopenings[reopenings.length - 1]?.at ?? complaint.recordedAt;
    notices.push({
      ...base,
      noticeId: `complaint:${complaint.complaintId}:special-case`,
      kind: 'special-case',
      escalatedAt: new Date(at),
      message: `complaint ${complaint.complaintId} (canteen ${complaint.canteenId}) reopened ${complaint.reopenCount} times: a special case for the aftersales-lead`,
    });
  }
  return notices;
}
