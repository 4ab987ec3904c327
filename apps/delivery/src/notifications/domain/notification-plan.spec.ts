import { fromShanghai } from '@app/common/clock/business-time';
import { localTime, notificationsFor } from './notification-plan';

const ref = {
  deliveryId: 'delivery-1',
  orderId: 'order-1',
  canteenId: 'canteen-1',
  deadline: fromShanghai(2026, 1, 5, 11, 0).toISOString(),
};

describe('notificationsFor', () => {
  it('R-DEL-5: an at-risk delivery notifies the project manager and the canteen, in Shanghai time', () => {
    const drafts = notificationsFor({
      type: 'delivery.delivery.at-risk',
      payload: { ...ref, reason: 'on-the-road' },
    });
    expect(drafts.map((d) => [d.kind, d.recipient])).toEqual([
      ['at-risk', 'project-manager'],
      ['at-risk', 'canteen'],
    ]);
    expect(drafts[0].message).toContain('still on the road');
    expect(drafts[0].message).toContain('2026-01-05 11:00');
  });

  it('R-DEL-5: a breach notifies both', () => {
    const drafts = notificationsFor({ type: 'delivery.delivery.breached', payload: ref });
    expect(drafts.map((d) => d.kind)).toEqual(['breach', 'breach']);
  });

  it('R-DEL-6: a new time after force majeure is announced with its cause', () => {
    const [draft] = notificationsFor({
      type: 'delivery.delivery.breach-waived',
      payload: {
        ...ref,
        cause: 'flood',
        newDeadline: fromShanghai(2026, 1, 6, 9, 5).toISOString(),
      },
    });
    expect(draft).toMatchObject({ kind: 'new-time', canteenId: 'canteen-1', orderId: 'order-1' });
    expect(draft.message).toContain('2026-01-06 09:05');
    expect(draft.message).toContain('flood');
  });

  it('formats instants on the Shanghai calendar', () => {
    expect(localTime('2026-01-05T16:30:00.000Z')).toBe('2026-01-06 00:30');
  });
});
