import { escalateComplaint } from '../../complaints/domain/complaint-escalation';
import { step } from '../../complaints/domain/complaint';
import { aComplaint, anAgent, at, T0 } from '../../testing/domain-factories';
import { escalationNoticesFor } from './escalation-notice';

describe('escalation notices for the aftersales-lead', () => {
  it('R-AS-4: a missed response time gives one notice for the aftersales-lead, the same however often it is derived', () => {
    const complaint = aComplaint();
    expect(escalationNoticesFor(complaint)).toEqual([]);
    const escalated = escalateComplaint(complaint, at(31))!.complaint;
    const notices = escalationNoticesFor(escalated);
    expect(notices).toEqual([
      {
        noticeId: `complaint:cmp-1:first-contact:${at(30).toISOString()}`,
        kind: 'response-time-missed',
        recipient: 'aftersales-lead',
        complaintId: 'cmp-1',
        canteenId: 'canteen-1',
        timer: 'first-contact',
        escalatedAt: at(31),
        message: `complaint cmp-1 (quality, canteen canteen-1): first contact within 30 min missed, due ${at(30).toISOString()}`,
      },
    ]);
    expect(escalationNoticesFor(escalated)).toEqual(notices);
    const later = escalateComplaint(escalated, at(121))!.complaint;
    expect(escalationNoticesFor(later).map((n) => n.timer)).toEqual([
      'first-contact',
      'handling-plan',
    ]);
  });

  it('R-AS-4: a complaint reopened twice gives one special-case notice', () => {
    const reopenedAt = new Date(T0.getTime() + 3 * 86_400_000);
    const special = {
      ...aComplaint(),
      reopenCount: 2,
      specialCase: true,
      steps: [
        ...aComplaint().steps,
        step('customer-not-satisfied', anAgent(), at(60)),
        step('customer-not-satisfied', anAgent(), reopenedAt),
      ],
    };
    expect(escalationNoticesFor(special)).toEqual([
      expect.objectContaining({
        noticeId: 'complaint:cmp-1:special-case',
        kind: 'special-case',
        recipient: 'aftersales-lead',
        escalatedAt: reopenedAt,
      }),
    ]);
  });
});
