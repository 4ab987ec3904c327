import type { Actor } from '../../shared/actor';
import { step, type Complaint } from './complaint';
import { escalateMissedTimers, type ResponseTimerKind } from './response-timers';

/** The timer scheduler acts as this actor in the step history. */
export const TIMER_ACTOR: Actor = { id: 'system:response-timers', role: 'system' };

/**
 * R-AS-4: every response time missed by `now` escalates once to the aftersales-lead, recorded
 * as a step. Returns null when nothing is due, so the caller writes nothing.
 */
export function escalateComplaint(
  complaint: Complaint,
  now: Date,
): { complaint: Complaint; escalated: ResponseTimerKind[] } | null {
  if (complaint.status === 'closed') return null;
  const { timers, escalated } = escalateMissedTimers(complaint.timers, now);
  if (escalated.length === 0) return null;
  const steps = escalated.map((kind) =>
    step('escalated', TIMER_ACTOR, now, `${kind} time missed; escalated to the aftersales-lead`),
  );
  return { complaint: { ...complaint, timers, steps: [...complaint.steps, ...steps] }, escalated };
}
