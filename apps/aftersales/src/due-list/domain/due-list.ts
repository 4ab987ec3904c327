import { addDays, shanghaiDate, startOfShanghaiDay } from '@app/common/clock/business-time';

/**
 * R-AS-18: the team's list for a Shanghai day covers everything due by the end of that day —
 * also anything that fell due earlier and is still open, so nothing due is ever dropped.
 */
export interface DueListDay {
  date: string;
  /** Items due before this instant are listed. */
  listUntil: Date;
  startOfDay: Date;
}

export function dueListDay(now: Date, date = shanghaiDate(now)): DueListDay {
  return {
    date,
    startOfDay: startOfShanghaiDay(date),
    listUntil: startOfShanghaiDay(addDays(date, 1)),
  };
}

export type DueState = 'due' | 'overdue';

/** Overdue once its window closed before the listed day began. */
export function dueState(dueBy: Date, day: DueListDay): DueState {
  return dueBy.getTime() <= day.startOfDay.getTime() ? 'overdue' : 'due';
}
