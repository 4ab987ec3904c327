import { DomainError } from '@app/common/errors/domain-error';
import {
  aCanteenUser,
  aComplaint,
  aComplaintInput,
  aLead,
  aNotifiedComplaint,
  anAgent,
  at,
  T0,
} from '../../testing/domain-factories';
import { applyComplaintCommand, recordComplaint } from './complaint-state-machine';
import { nextTimerDueAt } from './response-timers';

describe('complaint state machine', () => {
  it('R-AS-1: records who, when, about what, what is asked, category and cause', () => {
    const c = recordComplaint(
      aComplaintInput({ channel: 'letter', reportedAt: at(-60) }),
      anAgent('agent-9'),
      T0,
    );
    expect(c).toMatchObject({
      canteenId: 'canteen-1',
      channel: 'letter',
      category: 'quality',
      cause: 'food-quality',
      subject: { orderId: 'order-1', deliveryId: 'delivery-1' },
      request: 'exchange today',
      reportedAt: at(-60),
      recordedAt: T0,
      status: 'recorded',
    });
    expect(c.steps).toEqual([
      { step: 'recorded', actorId: 'agent-9', actorRole: 'aftersales', at: T0 },
    ]);
  });

  it('R-AS-1: a cause of another category is refused naming the field', () => {
    expect(() =>
      recordComplaint(aComplaintInput({ cause: 'late-delivery' }), anAgent(), T0),
    ).toThrow(
      expect.objectContaining({ code: 'COMPLAINT.CAUSE_NOT_IN_CATEGORY', kind: 'invalid' }),
    );
  });

  it('R-AS-2: runs every step in order, each with actor and time, and closes on a satisfied answer', () => {
    const notified = aNotifiedComplaint();
    const { complaint, events } = applyComplaintCommand(
      notified,
      { type: 'record-customer-answer', satisfied: true, comment: 'fine now' },
      aCanteenUser(),
      at(30),
    );
    expect(complaint.status).toBe('closed');
    expect(complaint.closedAt).toEqual(at(30));
    expect(complaint.steps.map((s) => s.step)).toEqual([
      'recorded',
      'assessed-valid',
      'assigned',
      'investigated',
      'resolution-proposed',
      'approved',
      'customer-notified',
      'customer-satisfied',
    ]);
    expect(complaint.steps[7]).toMatchObject({ actorRole: 'canteen', at: at(30) });
    expect(complaint.responsible).toEqual({
      department: 'kitchen',
      staffId: 'cook-7',
      finding: 'batch held too long',
    });
    expect(events).toEqual([{ type: 'closed', at: at(30) }]);
  });

  it('R-AS-2: a step out of order is refused with the reason and changes nothing', () => {
    const c = aComplaint();
    const attempt = () =>
      applyComplaintCommand(c, { type: 'propose-resolution', resolution: 'x' }, anAgent(), at(1));
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/cannot propose-resolution a complaint that is recorded/);
    expect(c.status).toBe('recorded');
    expect(c.steps).toHaveLength(1);
  });

  it('R-AS-2: a complaint never closes without a recorded customer answer', () => {
    const approved = applyComplaintCommand(
      aNotifiedComplaint(),
      { type: 'record-customer-answer', satisfied: true },
      anAgent(),
      at(40),
    ).complaint;
    expect(approved.customerAnswer).toEqual({ satisfied: true, at: at(40) });
    // Before notification there is nothing to answer, so no way to close.
    expect(() =>
      applyComplaintCommand(
        aComplaint(),
        { type: 'record-customer-answer', satisfied: true },
        anAgent(),
        at(1),
      ),
    ).toThrow(expect.objectContaining({ code: 'COMPLAINT.INVALID_STEP' }));
  });

  it('R-AS-2: an invalid complaint is answered with its reason and still waits for the canteen', () => {
    const { complaint } = applyComplaintCommand(
      aComplaint(),
      { type: 'assess', valid: false, reason: 'the dish was delivered to another canteen' },
      anAgent(),
      at(5),
    );
    expect(complaint).toMatchObject({
      status: 'customer-notified',
      valid: false,
      invalidReason: 'the dish was delivered to another canteen',
    });
    expect(complaint.timers.answer?.metAt).toEqual(at(5));
    // R-AS-4: nothing left to escalate on an answered invalid complaint.
    expect(nextTimerDueAt(complaint.timers)).toBeNull();
  });

  it('R-AS-2: invalid without a reason is refused naming the field', () => {
    expect(() =>
      applyComplaintCommand(
        aComplaint(),
        { type: 'assess', valid: false, reason: ' ' },
        anAgent(),
        at(5),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'COMPLAINT.INVALID_NEEDS_REASON',
        fields: [{ field: 'reason', reason: 'required when valid is false' }],
      }),
    );
  });

  it('R-AS-2: not satisfied reopens the complaint and restarts its response times', () => {
    const { complaint, events } = applyComplaintCommand(
      aNotifiedComplaint(),
      { type: 'record-customer-answer', satisfied: false, comment: 'still sour' },
      aCanteenUser(),
      at(120),
    );
    expect(complaint.status).toBe('reopened');
    expect(complaint.reopenCount).toBe(1);
    expect(complaint.specialCase).toBe(false);
    expect(complaint.timers.answer?.dueAt).toEqual(at(120 + 24 * 60));
    expect(events).toEqual([{ type: 'reopened', reopenCount: 1 }]);
  });

  it('R-AS-4: reopened twice by the canteen becomes a special case that only the lead approves', () => {
    let c = aNotifiedComplaint();
    const reopenAndRedo = (minute: number) => {
      c = applyComplaintCommand(
        c,
        { type: 'record-customer-answer', satisfied: false },
        aCanteenUser(),
        at(minute),
      ).complaint;
    };
    reopenAndRedo(100);
    for (const command of [
      { type: 'assess', valid: true },
      { type: 'assign', routing: { department: 'kitchen' }, handlingPlan: 'again' },
      { type: 'investigate', department: 'kitchen', finding: 'same batch' },
      { type: 'propose-resolution', resolution: 'refund' },
      { type: 'approve' },
      { type: 'notify-customer', message: 'refund' },
    ] as const) {
      c = applyComplaintCommand(c, command, anAgent(), at(110)).complaint;
    }
    const second = applyComplaintCommand(
      c,
      { type: 'record-customer-answer', satisfied: false },
      aCanteenUser(),
      at(200),
    );
    expect(second.complaint.specialCase).toBe(true);
    expect(second.events).toContainEqual({ type: 'became-special-case' });

    c = second.complaint;
    for (const command of [
      { type: 'assess', valid: true },
      { type: 'assign', routing: { department: 'management' }, handlingPlan: 'lead visits' },
      { type: 'investigate', department: 'kitchen', finding: 'supplier lot' },
      { type: 'propose-resolution', resolution: 'refund and new supplier' },
    ] as const) {
      c = applyComplaintCommand(c, command, anAgent(), at(210)).complaint;
    }
    expect(() => applyComplaintCommand(c, { type: 'approve' }, anAgent(), at(220))).toThrow(
      expect.objectContaining({ code: 'COMPLAINT.LEAD_ONLY', kind: 'forbidden' }),
    );
    expect(applyComplaintCommand(c, { type: 'approve' }, aLead(), at(220)).complaint.status).toBe(
      'approved',
    );
  });

  it('R-AS-4: a supervisor check is recorded by the aftersales-lead only', () => {
    let c = applyComplaintCommand(
      aComplaint(),
      { type: 'assess', valid: true },
      anAgent(),
      at(1),
    ).complaint;
    c = applyComplaintCommand(
      c,
      { type: 'assign', routing: { department: 'kitchen' }, handlingPlan: 'plan' },
      anAgent(),
      at(2),
    ).complaint;
    expect(() =>
      applyComplaintCommand(c, { type: 'supervisor-check', note: 'ok' }, anAgent(), at(3)),
    ).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    const checked = applyComplaintCommand(
      c,
      { type: 'supervisor-check', note: 'ok' },
      aLead(),
      at(3),
    ).complaint;
    expect(checked.timers['supervisor-check']?.metAt).toEqual(at(3));
  });

  it('R-AS-2: an improvement note follows the closing', () => {
    const closed = applyComplaintCommand(
      aNotifiedComplaint(),
      { type: 'record-customer-answer', satisfied: true },
      anAgent(),
      at(40),
    ).complaint;
    const noted = applyComplaintCommand(
      closed,
      { type: 'add-improvement-note', note: 'shorter holding time' },
      anAgent(),
      at(50),
    );
    expect(noted.complaint.improvementNote).toBe('shorter holding time');
    expect(() =>
      applyComplaintCommand(
        aComplaint(),
        { type: 'add-improvement-note', note: 'x' },
        anAgent(),
        at(1),
      ),
    ).toThrow(expect.objectContaining({ code: 'COMPLAINT.INVALID_STEP' }));
  });

  it('R-AS-5: a valuable suggestion is marked for reward, other categories are not', () => {
    const suggestion = aComplaint({ category: 'suggestion', cause: 'improvement' });
    const marked = applyComplaintCommand(
      suggestion,
      { type: 'mark-for-reward', reason: 'saves packaging' },
      aLead(),
      at(5),
    );
    expect(marked.complaint.markedForReward).toBe(true);
    expect(() =>
      applyComplaintCommand(aComplaint(), { type: 'mark-for-reward', reason: 'x' }, aLead(), at(5)),
    ).toThrow(expect.objectContaining({ code: 'COMPLAINT.NOT_A_SUGGESTION' }));
  });

  it('R-AS-2: a canteen cannot run the company-side steps', () => {
    expect(() =>
      applyComplaintCommand(aComplaint(), { type: 'assess', valid: true }, aCanteenUser(), at(1)),
    ).toThrow(expect.objectContaining({ code: 'COMPLAINT.STAFF_ONLY', kind: 'forbidden' }));
  });
});
