/**
 * Bounded redelivery of a webhook notification across scheduler ticks: a receiver that is down
 * for a while still gets the message, one that stays down is given up on and the notification
 * is marked failed (still listed through the API), and the service's own work never waits for it.
 * Shared by every service that pushes notifications to people (delivery, aftersales).
 */
import { HOUR_MS, MINUTE_MS } from '../clock/clock';

/** Wait before attempt n+1 after n failed attempts; its length bounds the attempts. */
export const WEBHOOK_BACKOFF_MS = [
  30_000,
  2 * MINUTE_MS,
  10 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
] as const;
export const MAX_WEBHOOK_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1;

export type AfterFailure = { giveUp: true } | { giveUp: false; nextAttemptAt: Date };

/** `attemptsMade` counts the attempt that just failed. */
export function afterFailedAttempt(attemptsMade: number, now: Date): AfterFailure {
  if (attemptsMade >= MAX_WEBHOOK_ATTEMPTS) return { giveUp: true };
  const wait = WEBHOOK_BACKOFF_MS[Math.max(0, attemptsMade - 1)];
  return { giveUp: false, nextAttemptAt: new Date(now.getTime() + wait) };
}
