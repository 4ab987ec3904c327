/**
 * R-PROC-3: quotes for week W are due before the Saturday of the week before, 00:00 Asia/Shanghai,
 * i.e. the instant the Saturday starts. An ops-manager may reopen the round until a later time.
 */
import {
  addDays,
  ISO_WEEK_PATTERN,
  mondayOfIsoWeek,
  startOfShanghaiDay,
} from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';
import { Actor, requireRole } from '../../shared/domain/actor';

export function quoteDeadline(week: string): Date {
  assertWeek(week);
  return startOfShanghaiDay(addDays(mondayOfIsoWeek(week), -2));
}

export interface RoundReopening {
  until: Date;
  by: string;
  at: Date;
  reason: string;
}

/** Open while before the deadline, or before the latest reopening's end. */
export function isQuoteWindowOpen(week: string, now: Date, reopening?: RoundReopening): boolean {
  if (now < quoteDeadline(week)) return true;
  return reopening !== undefined && now < reopening.until;
}

export function assertQuoteWindowOpen(week: string, now: Date, reopening?: RoundReopening): void {
  if (isQuoteWindowOpen(week, now, reopening)) return;
  const closedAt =
    reopening && reopening.until > quoteDeadline(week) ? reopening.until : quoteDeadline(week);
  throw new DomainError(
    'QUOTE.DEADLINE_PASSED',
    `quotes for ${week} closed at ${closedAt.toISOString()} (Saturday 00:00 Asia/Shanghai before the week); ask the ops-manager to reopen the round`,
    'unprocessable',
    [{ field: 'week', reason: 'quote deadline has passed' }],
  );
}

export function reopenRound(
  week: string,
  until: Date,
  reason: string,
  actor: Actor,
  now: Date,
): RoundReopening {
  requireRole(actor, ['ops-manager'], 'reopen a quote round');
  assertWeek(week);
  if (until <= now) {
    throw new DomainError(
      'QUOTE.REOPEN_IN_PAST',
      'a reopened round must stay open until a future time',
      'invalid',
      [{ field: 'until', reason: 'must be in the future' }],
    );
  }
  if (!reason.trim()) {
    throw new DomainError('QUOTE.REASON_REQUIRED', 'reopening a round needs a reason', 'invalid', [
      { field: 'reason', reason: 'is required' },
    ]);
  }
  return { until, by: actor.userId, at: now, reason };
}

function assertWeek(week: string): void {
  if (!ISO_WEEK_PATTERN.test(week)) {
    throw new DomainError('PROCUREMENT.INVALID_WEEK', `not an ISO week: ${week}`, 'invalid', [
      { field: 'week', reason: 'must look like 2026-W11' },
    ]);
  }
}
