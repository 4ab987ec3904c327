import { addDays, shanghaiDate, startOfShanghaiDay } from '@app/common/clock/business-time';

export const FOLLOW_UP_KINDS = [
  'satisfaction-call',
  'first-follow-up',
  'second-follow-up',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export type FollowUpTrigger = { kind: 'delivery' | 'complaint'; id: string };

/** A window of Shanghai calendar days (`YYYY-MM-DD`, both inclusive) in which a follow-up is due. */
export interface DueWindow {
  from: string;
  to: string;
}

export interface PlannedFollowUp {
  kind: FollowUpKind;
  window: DueWindow;
  /** The instant the window opens: listed as due from then (R-AS-18). */
  dueFrom: Date;
  /** The instant the window closes: overdue after that. */
  dueBy: Date;
}

function planned(kind: FollowUpKind, window: DueWindow): PlannedFollowUp {
  return {
    kind,
    window,
    dueFrom: startOfShanghaiDay(window.from),
    dueBy: startOfShanghaiDay(addDays(window.to, 1)),
  };
}

/**
 * R-AS-13/14: after every delivery (no sampling) or a complaint's closing — a satisfaction call
 * the next Shanghai day, and the first follow-up 3–7 days later.
 */
export function planFollowUps(happenedAt: Date): PlannedFollowUp[] {
  const day = shanghaiDate(happenedAt);
  const nextDay = addDays(day, 1);
  return [
    planned('satisfaction-call', { from: nextDay, to: nextDay }),
    planned('first-follow-up', { from: addDays(day, 3), to: addDays(day, 7) }),
  ];
}

/**
 * R-AS-14: the second follow-up falls in the 7 days after the week that follows the first —
 * the first on day F, the following week is F+1…F+7, so the second is due F+8…F+14.
 */
export function planSecondFollowUp(firstDoneAt: Date): PlannedFollowUp {
  const first = shanghaiDate(firstDoneAt);
  return planned('second-follow-up', { from: addDays(first, 8), to: addDays(first, 14) });
}
