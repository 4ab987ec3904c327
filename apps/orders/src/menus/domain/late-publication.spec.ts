import { fromShanghai } from '@app/common/clock/business-time';
import { aMenu, anOffering, aPublishedMenu } from '../../testing/domain-factories';
import { nextCookableMeal, planLatePublication } from './late-publication';

// Week 2026-W50: Monday 2026-12-07 … Sunday 2026-12-13; on-time deadline Saturday 12-05 00:00.
const offerings = [
  anOffering({ date: '2026-12-07', meal: 'lunch' }),
  anOffering({ date: '2026-12-07', meal: 'dinner' }),
  anOffering({ date: '2026-12-08', meal: 'breakfast' }),
];
const draft = aMenu({ offerings });

describe('late menu publication', () => {
  it('R-MENU-1: after the deadline the ops-manager publishes with a reason, effective from the next meal that can still be cooked', () => {
    const now = fromShanghai(2026, 12, 7, 9); // Monday 09:00: lunch 11:30 is only 2.5 h away
    const plan = planLatePublication(draft, [], now, ' new customer starts Monday ', 'ops-zhang');
    expect(plan.offerings).toEqual([offerings[1], offerings[2]]);
    expect(plan.late).toEqual({
      reason: 'new customer starts Monday',
      by: 'ops-zhang',
      at: now,
      effectiveFrom: fromShanghai(2026, 12, 7, 17, 30),
      dropped: [offerings[0]],
    });
    expect(plan.publishedAt).toEqual(now);
  });

  it('R-MENU-1: the next cookable meal is at least 4 h away, and may be on a later day', () => {
    expect(nextCookableMeal('2026-W50', fromShanghai(2026, 12, 7, 7, 30))?.startsAt).toEqual(
      fromShanghai(2026, 12, 7, 11, 30),
    );
    expect(nextCookableMeal('2026-W50', fromShanghai(2026, 12, 7, 13, 31))?.startsAt).toEqual(
      fromShanghai(2026, 12, 8, 8),
    );
    expect(nextCookableMeal('2026-W50', fromShanghai(2026, 12, 5, 10))?.startsAt).toEqual(
      fromShanghai(2026, 12, 7, 8),
    );
    expect(nextCookableMeal('2026-W50', fromShanghai(2026, 12, 13, 14))).toBeUndefined();
  });

  it('R-MENU-1: a late version supersedes the published one', () => {
    const v1 = aPublishedMenu({ offerings });
    const v2 = aMenu({ menuId: 'menu-w50-v2', version: 2, offerings });
    const plan = planLatePublication(v2, [v1, v2], fromShanghai(2026, 12, 6, 12), 'fix', 'ops');
    expect(plan.supersedes?.menuId).toBe(v1.menuId);
    expect(plan.offerings).toEqual(offerings);
  });

  it('R-MENU-1: without a reason, before the deadline, or with nothing left to cook it is refused', () => {
    const late = fromShanghai(2026, 12, 7, 9);
    expect(() => planLatePublication(draft, [], late, '  ', 'ops')).toThrow(
      expect.objectContaining({
        code: 'MENU.LATE_REASON_REQUIRED',
        kind: 'invalid',
        fields: [expect.objectContaining({ field: 'reason' })],
      }),
    );
    expect(() =>
      planLatePublication(draft, [], fromShanghai(2026, 12, 4, 18), 'early', 'ops'),
    ).toThrow(expect.objectContaining({ code: 'MENU.NOT_LATE' }));
    expect(() =>
      planLatePublication(draft, [], fromShanghai(2026, 12, 8, 5), 'too late', 'ops'),
    ).toThrow(expect.objectContaining({ code: 'MENU.NOTHING_LEFT_TO_COOK' }));
    expect(() =>
      planLatePublication(aPublishedMenu(), [], late, 'published already', 'ops'),
    ).toThrow(expect.objectContaining({ code: 'MENU.PUBLISHED_IS_IMMUTABLE' }));
  });
});
