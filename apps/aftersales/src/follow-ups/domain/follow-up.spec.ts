import { anAgent } from '../../testing/domain-factories';
import { completeFollowUp, scheduleFollowUp, type FollowUp } from './follow-up';
import { planFollowUps } from './follow-up-schedule';

const deliveredAt = new Date('2026-03-02T04:00:00Z'); // Monday noon Shanghai
const [callPlan, firstPlan] = planFollowUps(deliveredAt);
const aFollowUp = (plan = firstPlan): FollowUp =>
  scheduleFollowUp('fu-1', 'canteen-1', { kind: 'delivery', id: 'del-1' }, plan);
const pointId = (i: number) => `pt-${i}`;

describe('follow-up completion', () => {
  it('R-AS-14: doing the first follow-up plans the second from that day', () => {
    const result = completeFollowUp(
      aFollowUp(),
      { notes: 'all fine' },
      anAgent(),
      new Date('2026-03-05T03:00:00Z'),
      pointId,
    );
    expect(result.followUp).toMatchObject({
      status: 'done',
      doneBy: 'agent-1',
      doneByRole: 'aftersales',
    });
    expect(result.secondFollowUp?.window).toEqual({ from: '2026-03-13', to: '2026-03-19' });
  });

  it('R-AS-13: the satisfaction call plans no second follow-up and cannot be done before its day', () => {
    const call = aFollowUp(callPlan);
    expect(() => completeFollowUp(call, { notes: 'x' }, anAgent(), deliveredAt, pointId)).toThrow(
      expect.objectContaining({ code: 'FOLLOW_UP.NOT_YET_DUE' }),
    );
    expect(
      completeFollowUp(call, { notes: 'x' }, anAgent(), new Date('2026-03-03T01:00:00Z'), pointId)
        .secondFollowUp,
    ).toBeUndefined();
  });

  it('R-AS-15: a low survey score opens a complaint', () => {
    const result = completeFollowUp(
      aFollowUp(),
      {
        notes: 'unhappy with the driver',
        survey: {
          attitude: 'very-dissatisfied',
          skill: 'satisfied',
          'arrival-time': 'satisfied',
          'keeping-promises': 'satisfied',
        },
      },
      anAgent(),
      new Date('2026-03-05T03:00:00Z'),
      pointId,
    );
    expect(result.followUp.score?.total).toBe(10);
    expect(result.complaint).toMatchObject({ category: 'service', cause: 'staff-attitude' });
  });

  it('R-AS-16: points raised and not answered on the spot are due at the supervisor in 2 days', () => {
    const now = new Date('2026-03-05T03:00:00Z');
    const result = completeFollowUp(
      aFollowUp(),
      { notes: 'n', openPoints: ['wants Sunday deliveries'] },
      anAgent(),
      now,
      pointId,
    );
    expect(result.followUp.openPoints['pt-0']).toMatchObject({
      text: 'wants Sunday deliveries',
      reportDueAt: new Date('2026-03-07T03:00:00Z'),
    });
  });

  it('R-AS-13: a follow-up is recorded once', () => {
    const done = completeFollowUp(
      aFollowUp(),
      { notes: 'n' },
      anAgent(),
      new Date('2026-03-05T03:00:00Z'),
      pointId,
    ).followUp;
    expect(() =>
      completeFollowUp(done, { notes: 'n' }, anAgent(), new Date('2026-03-06T03:00:00Z'), pointId),
    ).toThrow(expect.objectContaining({ code: 'FOLLOW_UP.ALREADY_DONE' }));
  });
});
