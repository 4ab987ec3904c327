/**
 * R-MENU-1 exception: after the Friday deadline the ops-manager may still publish a week's menu
 * (its first version or a later one), with a recorded reason, so that a new customer can order
 * in its first week. The version takes effect from the next meal the kitchen can still cook:
 * offerings of meals that start sooner than the cooking lead time are left out of it.
 */
import { HOUR_MS } from '@app/common/clock/clock';
import { shanghaiDate } from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';
import type { Meal } from '@app/common/messaging/contracts/constants';
import { mealStartsAt, STANDARD_MEAL_WINDOWS } from './meal-windows';
import {
  assertEditable,
  currentPublishedOf,
  endOfWeek,
  publishDeadlineOf,
  type PublicationPlan,
} from './menu-publication';
import { daysOfWeek, type LatePublication, type Offering, type WeeklyMenu } from './weekly-menu';

/** Time to reserve, cook and deliver: a meal starting sooner cannot be offered any more. */
export const LATE_MENU_LEAD_MS = 4 * HOUR_MS;
export const LATE_REASON_MAX = 500;

const MEALS = Object.keys(STANDARD_MEAL_WINDOWS) as Meal[];

export type { LatePublication };

export interface LatePublicationPlan extends PublicationPlan {
  offerings: Offering[];
  late: LatePublication;
}

/** The first meal of the week that starts at least the lead time after `now`, if any. */
export function nextCookableMeal(
  week: string,
  now: Date,
): { date: string; meal: Meal; startsAt: Date } | undefined {
  const earliest = now.getTime() + LATE_MENU_LEAD_MS;
  for (const date of daysOfWeek(week)) {
    if (date < shanghaiDate(now)) continue;
    for (const meal of MEALS) {
      const startsAt = mealStartsAt(date, meal);
      if (startsAt.getTime() >= earliest) return { date, meal, startsAt };
    }
  }
  return undefined;
}

export function planLatePublication(
  draft: WeeklyMenu,
  versions: readonly WeeklyMenu[],
  now: Date,
  reason: string,
  by: string,
): LatePublicationPlan {
  const why = reason.trim();
  if (why.length === 0 || why.length > LATE_REASON_MAX) {
    throw new DomainError(
      'MENU.LATE_REASON_REQUIRED',
      'a late publication needs a reason',
      'invalid',
      [{ field: 'reason', reason: `required, at most ${LATE_REASON_MAX} characters` }],
    );
  }
  assertEditable(draft);
  if (now < publishDeadlineOf(draft.week)) {
    throw new DomainError(
      'MENU.NOT_LATE',
      `the menu for ${draft.week} can still be published on time by the chef until ${publishDeadlineOf(draft.week).toISOString()}`,
      'unprocessable',
      [{ field: 'week', reason: 'publish deadline not passed yet' }],
    );
  }
  if (now >= endOfWeek(draft.week)) {
    throw new DomainError('MENU.WEEK_OVER', `week ${draft.week} is over`, 'unprocessable', [
      { field: 'week', reason: 'the week is over' },
    ]);
  }
  const next = nextCookableMeal(draft.week, now);
  const offerings = next
    ? draft.offerings.filter((o) => mealStartsAt(o.date, o.meal) >= next.startsAt)
    : [];
  if (!next || offerings.length === 0) {
    throw new DomainError(
      'MENU.NOTHING_LEFT_TO_COOK',
      `no offering of ${draft.week} starts ${LATE_MENU_LEAD_MS / HOUR_MS} h or more from now`,
      'unprocessable',
      [{ field: 'offerings', reason: 'every offered meal starts too soon to be cooked' }],
    );
  }
  const dropped = draft.offerings.filter((o) => !offerings.includes(o));
  const supersedes = currentPublishedOf(versions);
  return {
    publishedAt: now,
    ...(supersedes ? { supersedes } : {}),
    offerings,
    late: { reason: why, by, at: now, effectiveFrom: next.startsAt, dropped },
  };
}
