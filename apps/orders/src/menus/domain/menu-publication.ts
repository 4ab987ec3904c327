/**
 * Drafting, publishing and versioning weekly menus (R-MENU-1, R-MENU-4).
 */
import { addDays, mondayOfIsoWeek, startOfShanghaiDay } from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';
import type { WeeklyMenu } from './weekly-menu';

/** R-MENU-1: the first version of week W's menu is due by the end of the Friday before W. */
export function publishDeadlineOf(week: string): Date {
  return startOfShanghaiDay(addDays(mondayOfIsoWeek(week), -2));
}

/** The instant week W is over (next Monday 00:00 Asia/Shanghai). */
export function endOfWeek(week: string): Date {
  return startOfShanghaiDay(addDays(mondayOfIsoWeek(week), 7));
}

/** Latest version of a week's menu, whatever its status. */
function latestOf(versions: readonly WeeklyMenu[]): WeeklyMenu | undefined {
  return versions.reduce<WeeklyMenu | undefined>(
    (latest, m) => (!latest || m.version > latest.version ? m : latest),
    undefined,
  );
}

export function currentPublishedOf(versions: readonly WeeklyMenu[]): WeeklyMenu | undefined {
  return latestOf(versions.filter((m) => m.status === 'published'));
}

export type DraftTarget =
  { action: 'edit-draft'; menu: WeeklyMenu } | { action: 'new-version'; version: number };

/**
 * Where a chef's draft goes: the open draft of the week if there is one, otherwise a new version
 * (R-MENU-4: a published menu is never edited in place).
 */
export function draftTargetFor(
  week: string,
  versions: readonly WeeklyMenu[],
  now: Date,
): DraftTarget {
  if (now >= endOfWeek(week)) {
    throw new DomainError('MENU.WEEK_OVER', `week ${week} is over`, 'unprocessable', [
      { field: 'week', reason: 'the week is over' },
    ]);
  }
  const draft = versions.find((m) => m.status === 'draft');
  if (draft) return { action: 'edit-draft', menu: draft };
  return { action: 'new-version', version: (latestOf(versions)?.version ?? 0) + 1 };
}

/** R-MENU-4: a published version refuses edits. */
export function assertEditable(menu: WeeklyMenu): void {
  if (menu.status !== 'draft') {
    throw new DomainError(
      'MENU.PUBLISHED_IS_IMMUTABLE',
      `menu ${menu.menuId} version ${menu.version} is ${menu.status}; change it by drafting a new version`,
      'conflict',
    );
  }
}

export interface PublicationPlan {
  publishedAt: Date;
  /** The version this one replaces; orders placed against it keep it. */
  supersedes?: WeeklyMenu;
}

/**
 * R-MENU-1: the first version must be published by the Friday before its week. Later versions are
 * corrections of a menu canteens already order from, so they may follow until the week is over.
 */
export function planPublication(
  draft: WeeklyMenu,
  versions: readonly WeeklyMenu[],
  now: Date,
): PublicationPlan {
  assertEditable(draft);
  if (draft.dishes.length === 0 || draft.offerings.length === 0) {
    throw new DomainError('MENU.EMPTY', 'a menu needs at least one offered dish', 'unprocessable', [
      { field: 'offerings', reason: 'empty' },
    ]);
  }
  const supersedes = currentPublishedOf(versions);
  if (!supersedes && now >= publishDeadlineOf(draft.week)) {
    throw new DomainError(
      'MENU.PUBLISH_DEADLINE_PASSED',
      `the menu for ${draft.week} had to be published by ${publishDeadlineOf(draft.week).toISOString()}`,
      'unprocessable',
      [
        {
          field: 'week',
          reason: 'publish deadline (Friday before the week, Asia/Shanghai) passed',
        },
      ],
    );
  }
  if (now >= endOfWeek(draft.week)) {
    throw new DomainError('MENU.WEEK_OVER', `week ${draft.week} is over`, 'unprocessable');
  }
  return { publishedAt: now, supersedes };
}
