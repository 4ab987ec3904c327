import { aComplaint, anAgent, at } from '../../testing/domain-factories';
import { escalateComplaint } from './complaint-escalation';
import { applyComplaintCommand } from './complaint-state-machine';
import { breachedTimers, nextTimerDueAt, startTimers } from './response-timers';

describe('response timers', () => {
  it('R-AS-4: a quality complaint gets first contact 30 min, plan 2 h and answer 24 h from recording', () => {
    const c = aComplaint();
    expect(c.timers['first-contact']?.dueAt).toEqual(at(30));
    expect(c.timers['handling-plan']?.dueAt).toEqual(at(120));
    expect(c.timers.answer?.dueAt).toEqual(at(24 * 60));
    expect(c.timers['supervisor-check']?.dueAt).toBeUndefined();
  });

  it('R-AS-4: the 30-minute first contact applies to quality complaints only', () => {
    expect(startTimers('service', at(0))['first-contact']).toBeUndefined();
  });

  it('R-AS-4: the supervisor check is due 4 h after assignment', () => {
    let c = applyComplaintCommand(
      aComplaint(),
      { type: 'assess', valid: true },
      anAgent(),
      at(10),
    ).complaint;
    c = applyComplaintCommand(
      c,
      { type: 'assign', routing: { department: 'kitchen' }, handlingPlan: 'plan' },
      anAgent(),
      at(45),
    ).complaint;
    expect(c.timers['supervisor-check']?.dueAt).toEqual(at(45 + 240));
    expect(c.timers['handling-plan']?.metAt).toEqual(at(45));
  });

  it('R-AS-4: a missed time escalates once, recorded as a step', () => {
    const c = aComplaint();
    expect(escalateComplaint(c, at(29))).toBeNull();
    const first = escalateComplaint(c, at(31));
    expect(first?.escalated).toEqual(['first-contact']);
    expect(first?.complaint.steps.at(-1)).toMatchObject({ step: 'escalated', at: at(31) });
    // Later runs do not fire the same timer again.
    expect(escalateComplaint(first!.complaint, at(32))).toBeNull();
  });

  it('R-AS-4: a restart catches up every time missed while down, in one run', () => {
    const result = escalateComplaint(aComplaint(), at(25 * 60));
    expect(result?.escalated).toEqual(['first-contact', 'handling-plan', 'answer']);
  });

  it('R-AS-4: met timers do not escalate and the next due time moves on', () => {
    const contacted = applyComplaintCommand(
      aComplaint(),
      { type: 'record-contact', note: 'called the chef' },
      anAgent(),
      at(20),
    ).complaint;
    expect(nextTimerDueAt(contacted.timers)).toEqual(at(120));
    expect(escalateComplaint(contacted, at(40))).toBeNull();
  });

  it('R-AS-18: a timer met late still counts as breached for the due list', () => {
    const late = applyComplaintCommand(
      aComplaint(),
      { type: 'record-contact', note: 'late call' },
      anAgent(),
      at(50),
    ).complaint;
    expect(breachedTimers(late.timers, at(60))).toEqual(['first-contact']);
  });

  it('R-AS-4: a closed complaint escalates nothing', () => {
    const c = { ...aComplaint(), status: 'closed' as const };
    expect(escalateComplaint(c, at(3000))).toBeNull();
  });
});
