/**
 * R-DEL-7: the agreed service end a driver must stay until. Decision: a service end the
 * dispatcher agreed for this delivery wins; otherwise it is the end of the canteen's receiving
 * window that the driver's check-in falls in (or, arriving early, the window about to open).
 * A driver who arrives after the window has closed has no service time left to serve.
 */
import { DAY_MS } from '@app/common/clock/clock';
import { shanghaiDate, startOfShanghaiDay, addDays } from '@app/common/clock/business-time';
import type { ReceivingWindow } from './delivery';

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** The window opening on a Shanghai day; one that ends at or before it opens runs past midnight. */
function windowOn(date: string, window: ReceivingWindow): { start: number; end: number } {
  const dayStart = startOfShanghaiDay(date).getTime();
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  return {
    start: dayStart + from * 60_000,
    end: dayStart + to * 60_000 + (to <= from ? DAY_MS : 0),
  };
}

export function serviceEndOf(
  arrivedAt: Date,
  window: ReceivingWindow | undefined,
  agreedServiceEnd?: Date,
): Date | undefined {
  if (agreedServiceEnd) return agreedServiceEnd;
  if (!window) return undefined;
  const today = shanghaiDate(arrivedAt);
  const candidate = [addDays(today, -1), today]
    .map((d) => windowOn(d, window))
    .find((w) => w.end > arrivedAt.getTime());
  return candidate ? new Date(candidate.end) : undefined;
}

export function leftEarly(departedAt: Date, serviceEndsAt: Date | undefined): boolean {
  return serviceEndsAt !== undefined && departedAt.getTime() < serviceEndsAt.getTime();
}
