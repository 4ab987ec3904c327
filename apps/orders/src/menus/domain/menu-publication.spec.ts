import { DomainError } from '@app/common/errors/domain-error';
import { aMenu, aPublishedMenu, WEEK } from '../../testing/domain-factories';
import {
  assertEditable,
  draftTargetFor,
  endOfWeek,
  planPublication,
  publishDeadlineOf,
} from './menu-publication';

const THURSDAY_BEFORE = new Date('2026-12-03T02:00:00Z');
const FRIDAY_LATE = new Date('2026-12-04T15:59:00Z'); // Friday 23:59 Shanghai
const SATURDAY_BEFORE = new Date('2026-12-04T16:00:00Z'); // Saturday 00:00 Shanghai
const WEDNESDAY_OF_WEEK = new Date('2026-12-09T02:00:00Z');

describe('menu publication', () => {
  it('R-MENU-1: the deadline is the end of the Friday before the week, Asia/Shanghai', () => {
    expect(publishDeadlineOf(WEEK).toISOString()).toBe(SATURDAY_BEFORE.toISOString());
    expect(endOfWeek(WEEK).toISOString()).toBe('2026-12-13T16:00:00.000Z');
  });

  it('R-MENU-1: a first version can be published up to Friday 23:59', () => {
    expect(planPublication(aMenu(), [aMenu()], FRIDAY_LATE)).toEqual({
      publishedAt: FRIDAY_LATE,
      supersedes: undefined,
    });
  });

  it('R-MENU-1: a first version after the Friday deadline is refused', () => {
    expect(() => planPublication(aMenu(), [aMenu()], SATURDAY_BEFORE)).toThrow(
      expect.objectContaining({ code: 'MENU.PUBLISH_DEADLINE_PASSED' }),
    );
  });

  it('R-MENU-4: a new version during the week supersedes the published one', () => {
    const v1 = aPublishedMenu();
    const v2 = aMenu({ menuId: 'menu-w50-v2', version: 2 });
    expect(planPublication(v2, [v1, v2], WEDNESDAY_OF_WEEK).supersedes).toBe(v1);
  });

  it('R-MENU-4: a published menu is not edited in place', () => {
    expect(() => assertEditable(aPublishedMenu())).toThrow(
      expect.objectContaining({ code: 'MENU.PUBLISHED_IS_IMMUTABLE', kind: 'conflict' }),
    );
    expect(() => planPublication(aPublishedMenu(), [], THURSDAY_BEFORE)).toThrow(DomainError);
  });

  it('R-MENU-4: drafting after publication opens the next version', () => {
    expect(draftTargetFor(WEEK, [aPublishedMenu()], THURSDAY_BEFORE)).toEqual({
      action: 'new-version',
      version: 2,
    });
    const draft = aMenu({ version: 2 });
    expect(draftTargetFor(WEEK, [aPublishedMenu(), draft], THURSDAY_BEFORE)).toEqual({
      action: 'edit-draft',
      menu: draft,
    });
    expect(draftTargetFor(WEEK, [], THURSDAY_BEFORE)).toEqual({
      action: 'new-version',
      version: 1,
    });
  });

  it('R-MENU-1: a week that is over takes no drafts', () => {
    expect(() => draftTargetFor(WEEK, [], endOfWeek(WEEK))).toThrow(
      expect.objectContaining({ code: 'MENU.WEEK_OVER' }),
    );
  });

  it('R-MENU-1: an empty menu is not published', () => {
    expect(() => planPublication(aMenu({ offerings: [] }), [], THURSDAY_BEFORE)).toThrow(
      expect.objectContaining({ code: 'MENU.EMPTY' }),
    );
  });
});
