/** R-DEL-2: when a delivery is due. */
import { HOUR_MS } from '@app/common/clock/clock';

export type DeadlineBasis = 'requested-time' | 'within-24h' | 'meal-start' | 'need-by';

/** Without a requested time an order is due within 24 h of its confirmation (002). */
export const AS_SOON_AS_POSSIBLE_MS = 24 * HOUR_MS;

export interface DeadlineFacts {
  confirmedAt: Date;
  requestedTime?: Date;
  /** Start of the earliest meal the cooked dishes are for; set by orders only for cooked food. */
  mealStartsAt?: Date;
  /** Need-by time of an urgent add-on (R-ORD-3). */
  needBy?: Date;
}

export interface Deadline {
  deadline: Date;
  /** Which promise set it, so a dispatcher can see why a delivery is due when it is. */
  basis: DeadlineBasis;
}

/** The earliest of all promises the order carries; on a tie the canteen's own request names it. */
export function deadlineOf(facts: DeadlineFacts): Deadline {
  const candidates: Deadline[] = [
    facts.requestedTime
      ? { deadline: facts.requestedTime, basis: 'requested-time' }
      : {
          deadline: new Date(facts.confirmedAt.getTime() + AS_SOON_AS_POSSIBLE_MS),
          basis: 'within-24h',
        },
  ];
  if (facts.mealStartsAt) candidates.push({ deadline: facts.mealStartsAt, basis: 'meal-start' });
  if (facts.needBy) candidates.push({ deadline: facts.needBy, basis: 'need-by' });
  return candidates.reduce((earliest, c) =>
    c.deadline.getTime() < earliest.deadline.getTime() ? c : earliest,
  );
}
