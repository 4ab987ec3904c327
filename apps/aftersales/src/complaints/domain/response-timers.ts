import { HOUR_MS, MINUTE_MS } from '@app/common/clock/clock';
import type { ComplaintCategory } from './complaint.types';

/** R-AS-4: the four response times of a complaint. */
export const RESPONSE_TIMER_KINDS = [
  'first-contact',
  'handling-plan',
  'supervisor-check',
  'answer',
] as const;
export type ResponseTimerKind = (typeof RESPONSE_TIMER_KINDS)[number];

export const RESPONSE_TIMES_MS = {
  /** Quality complaints only: the project lead calls the canteen within 30 minutes (000). */
  'first-contact': 30 * MINUTE_MS,
  'handling-plan': 2 * HOUR_MS,
  /** Counted from assignment, not from recording (000 第三篇). */
  'supervisor-check': 4 * HOUR_MS,
  answer: 24 * HOUR_MS,
} as const satisfies Record<ResponseTimerKind, number>;

export interface ResponseTimer {
  /** Absent while the timer has not started (supervisor check before assignment). */
  dueAt?: Date;
  metAt?: Date;
  /** Set once when the timer was missed; a missed timer escalates only once. */
  escalatedAt?: Date;
}

export type ResponseTimers = Partial<Record<ResponseTimerKind, ResponseTimer>>;

/** R-AS-4: timers started when a complaint is recorded (or reopened). */
export function startTimers(category: ComplaintCategory, from: Date): ResponseTimers {
  const at = (kind: ResponseTimerKind) => ({
    dueAt: new Date(from.getTime() + RESPONSE_TIMES_MS[kind]),
  });
  const timers: ResponseTimers = {
    'handling-plan': at('handling-plan'),
    'supervisor-check': {},
    answer: at('answer'),
  };
  if (category === 'quality') timers['first-contact'] = at('first-contact');
  return timers;
}

export function startSupervisorCheck(timers: ResponseTimers, assignedAt: Date): ResponseTimers {
  return {
    ...timers,
    'supervisor-check': {
      dueAt: new Date(assignedAt.getTime() + RESPONSE_TIMES_MS['supervisor-check']),
    },
  };
}

/** Marks a timer met; meeting it late still counts as met, the escalation stays on record. */
export function meetTimer(
  timers: ResponseTimers,
  kind: ResponseTimerKind,
  at: Date,
): ResponseTimers {
  const timer = timers[kind];
  if (!timer || timer.metAt) return timers;
  return { ...timers, [kind]: { ...timer, metAt: at } };
}

function isMissed(timer: ResponseTimer | undefined, now: Date): timer is ResponseTimer {
  return (
    !!timer?.dueAt && !timer.metAt && !timer.escalatedAt && timer.dueAt.getTime() <= now.getTime()
  );
}

/** R-AS-4: the timers missed by `now` that have not escalated yet, each escalating once. */
export function escalateMissedTimers(
  timers: ResponseTimers,
  now: Date,
): { timers: ResponseTimers; escalated: ResponseTimerKind[] } {
  const escalated = RESPONSE_TIMER_KINDS.filter((kind) => isMissed(timers[kind], now));
  if (escalated.length === 0) return { timers, escalated };
  const next: ResponseTimers = { ...timers };
  for (const kind of escalated) next[kind] = { ...timers[kind], escalatedAt: now };
  return { timers: next, escalated };
}

/**
 * The earliest instant a timer can still be missed, stored and indexed so the scheduler finds
 * due complaints with one range query; null when nothing is pending.
 */
export function nextTimerDueAt(timers: ResponseTimers): Date | null {
  let next: number | null = null;
  for (const kind of RESPONSE_TIMER_KINDS) {
    const timer = timers[kind];
    if (!timer?.dueAt || timer.metAt || timer.escalatedAt) continue;
    const due = timer.dueAt.getTime();
    if (next === null || due < next) next = due;
  }
  return next === null ? null : new Date(next);
}

/** Timers that were missed (escalated, or met only after their due time) — for the due list. */
export function breachedTimers(timers: ResponseTimers, now: Date): ResponseTimerKind[] {
  return RESPONSE_TIMER_KINDS.filter((kind) => {
    const timer = timers[kind];
    if (!timer?.dueAt) return false;
    const end = timer.metAt ?? now;
    return end.getTime() > timer.dueAt.getTime();
  });
}
