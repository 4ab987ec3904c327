import { DAY_MS } from '@app/common/clock/clock';
import type { Severity } from '../../penalties/domain/penalty-scale';

/** R-DEL-6: force majeure may be recorded within 3 days, so a breach fine waits that long. */
export const WAIVER_WINDOW_MS = 3 * DAY_MS;

/** Decision: a breach of a delivery deadline is a moderate breach of the service rules. */
export const BREACH_SEVERITY: Severity = 'moderate';

export interface BreachFacts {
  deliveryId: string;
  canteenId: string;
  driverId?: string;
  dispatcherId?: string;
  detectedAt: Date;
  deliveredAt?: Date;
}

export interface BreachResponsibility {
  /** Absent when the event names nobody: the aftersales-lead bears it (R-AS-10). */
  staffId?: string;
  role: 'driver' | 'dispatcher' | 'none';
}

/**
 * R-AS-11 / R-DEL-5: who answers for a missed deadline. A delivery that was on the road is the
 * driver's; one never dispatched (no driver yet) is the dispatcher's.
 */
export function breachResponsibility(facts: BreachFacts): BreachResponsibility {
  if (facts.driverId) return { staffId: facts.driverId, role: 'driver' };
  if (facts.dispatcherId) return { staffId: facts.dispatcherId, role: 'dispatcher' };
  return { role: 'none' };
}

/** The fine may be approved once the waiver window after detection has passed. */
export function breachPenaltyHoldUntil(detectedAt: Date): Date {
  return new Date(detectedAt.getTime() + WAIVER_WINDOW_MS);
}
