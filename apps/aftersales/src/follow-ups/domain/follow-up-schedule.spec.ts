import { planFollowUps, planSecondFollowUp } from './follow-up-schedule';

// 2026-03-02 23:30 Asia/Shanghai is still Monday there, though Monday 15:30 UTC.
const lateMondayShanghai = new Date('2026-03-02T15:30:00Z');
// 2026-03-02 00:30 Asia/Shanghai: Sunday 16:30 UTC, already Monday in Shanghai.
const earlyMondayShanghai = new Date('2026-03-01T16:30:00Z');

describe('follow-up schedule', () => {
  it('R-AS-13: the satisfaction call is due the next day in Asia/Shanghai', () => {
    const [call] = planFollowUps(lateMondayShanghai);
    expect(call).toEqual({
      kind: 'satisfaction-call',
      window: { from: '2026-03-03', to: '2026-03-03' },
      dueFrom: new Date('2026-03-02T16:00:00Z'),
      dueBy: new Date('2026-03-03T16:00:00Z'),
    });
    expect(planFollowUps(earlyMondayShanghai)[0].window.from).toBe('2026-03-03');
  });

  it('R-AS-14: the first follow-up is due 3–7 days after the delivery', () => {
    const first = planFollowUps(lateMondayShanghai)[1];
    expect(first.kind).toBe('first-follow-up');
    expect(first.window).toEqual({ from: '2026-03-05', to: '2026-03-09' });
  });

  it('R-AS-14: the second falls in the 7 days after the week that follows the first', () => {
    const second = planSecondFollowUp(new Date('2026-03-05T03:00:00Z'));
    expect(second.window).toEqual({ from: '2026-03-13', to: '2026-03-19' });
    expect(second.dueBy).toEqual(new Date('2026-03-19T16:00:00Z'));
  });

  it('R-AS-14: windows cross month ends on the Shanghai calendar', () => {
    expect(planFollowUps(new Date('2026-03-30T10:00:00Z'))[1].window).toEqual({
      from: '2026-04-02',
      to: '2026-04-06',
    });
  });
});
