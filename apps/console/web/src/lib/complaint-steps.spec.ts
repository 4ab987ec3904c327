import { nextSteps, stepBody } from './complaint-steps';

describe('complaint steps (R-AS-2)', () => {
  it('offers the next step of the loop first', () => {
    const order = [
      'recorded',
      'assessed',
      'assigned',
      'investigated',
      'resolution-proposed',
      'approved',
      'customer-notified',
    ];
    expect(order.map((s) => nextSteps(s, 'aftersales')[0].action)).toEqual([
      'assessment',
      'assignment',
      'investigation',
      'resolution',
      'approval',
      'customer-notification',
      'customer-answer',
    ]);
  });

  it('R-AS-4: supervisor checks are for the lead only', () => {
    expect(nextSteps('assigned', 'aftersales').map((s) => s.action)).not.toContain(
      'supervisor-check',
    );
    expect(nextSteps('assigned', 'aftersales-lead').map((s) => s.action)).toContain(
      'supervisor-check',
    );
    expect(nextSteps('assigned', 'canteen')).toEqual([]);
  });

  it('R-AS-12: a penalty can be proposed once investigated, and after closing', () => {
    expect(nextSteps('closed', 'aftersales').map((s) => s.action)).toContain('penalties');
    expect(nextSteps('recorded', 'aftersales').map((s) => s.action)).not.toContain('penalties');
  });

  it('builds the request body: booleans always, empty text left out', () => {
    const [answer] = nextSteps('customer-notified', 'aftersales');
    expect(stepBody(answer, { satisfied: true, comment: '  ' })).toEqual({ satisfied: true });
    const [assess] = nextSteps('recorded', 'aftersales');
    expect(stepBody(assess, { reason: ' not ours ' })).toEqual({
      valid: false,
      reason: 'not ours',
    });
  });
});
