import { aLead, anAgent, aProposedPenalty, T0 } from '../../testing/domain-factories';
import { DAY_MS } from '@app/common/clock/clock';
import { amountInForce, type Penalty } from './penalty';
import { applyPenaltyCommand } from './penalty-ledger';
import { monthlyTotals } from './monthly-totals';
import { proposeFixedFine } from './penalty-proposal';

const later = (days: number) => new Date(T0.getTime() + days * DAY_MS);
const approved = (p: Penalty = aProposedPenalty()) =>
  applyPenaltyCommand(p, { type: 'approve' }, aLead(), later(1));

describe('penalty ledger', () => {
  it('R-AS-12: approval by the aftersales-lead posts a charge in the month of the problem', () => {
    const p = approved();
    expect(p.status).toBe('approved');
    expect(p.entries).toEqual([
      expect.objectContaining({
        kind: 'charge',
        amountFen: 3_000,
        month: '2026-03',
        postedBy: 'lead-1',
      }),
    ]);
  });

  it('R-AS-12: an aftersales agent cannot approve, nor can the lead approve a fine they bear', () => {
    expect(() =>
      applyPenaltyCommand(aProposedPenalty(), { type: 'approve' }, anAgent(), later(1)),
    ).toThrow(expect.objectContaining({ code: 'PENALTY.LEAD_ONLY', kind: 'forbidden' }));
    const borneByLead = aProposedPenalty({
      responsibleStaffId: undefined,
      aftersalesLeadId: 'lead-1',
    });
    expect(() =>
      applyPenaltyCommand(borneByLead, { type: 'approve' }, aLead('lead-1'), later(1)),
    ).toThrow(expect.objectContaining({ code: 'PENALTY.OWN_PENALTY' }));
    expect(
      applyPenaltyCommand(borneByLead, { type: 'approve' }, aLead('lead-2'), later(1)).status,
    ).toBe('approved');
  });

  it('R-AS-12: a rejected proposal posts nothing', () => {
    const p = applyPenaltyCommand(
      aProposedPenalty(),
      { type: 'reject', reason: 'not proven' },
      aLead(),
      later(1),
    );
    expect(p.status).toBe('rejected');
    expect(p.entries).toEqual([]);
  });

  it('R-AS-12: a penalty can be appealed once only', () => {
    const appealed = applyPenaltyCommand(
      approved(),
      { type: 'appeal', reason: 'I was not on shift' },
      anAgent(),
      later(2),
    );
    expect(appealed.status).toBe('under-appeal');
    const upheld = applyPenaltyCommand(
      appealed,
      { type: 'decide-appeal', outcome: 'upheld' },
      aLead(),
      later(3),
    );
    expect(upheld.status).toBe('approved');
    expect(() =>
      applyPenaltyCommand(upheld, { type: 'appeal', reason: 'again' }, anAgent(), later(4)),
    ).toThrow(expect.objectContaining({ code: 'PENALTY.APPEAL_USED', kind: 'conflict' }));
  });

  it('R-AS-12: a granted appeal never edits the charge — it posts a reversal and the corrected charge', () => {
    const appealed = applyPenaltyCommand(
      approved(),
      { type: 'appeal', reason: 'first time' },
      anAgent(),
      later(2),
    );
    const granted = applyPenaltyCommand(
      appealed,
      { type: 'decide-appeal', outcome: 'granted', correctedFen: 1_000, note: 'minor only' },
      aLead(),
      later(3),
    );
    expect(granted.entries.map((e) => [e.kind, e.amountFen])).toEqual([
      ['charge', 3_000],
      ['reversal', -3_000],
      ['charge', 1_000],
    ]);
    expect(granted.entries[0]).toEqual(approved().entries[0]);
    expect(amountInForce(granted)).toBe(1_000);
  });

  it('R-AS-12: a correction to zero is a single reversing entry', () => {
    const corrected = applyPenaltyCommand(
      approved(),
      { type: 'correct', correctedFen: 0, reason: 'wrong driver' },
      aLead(),
      later(5),
    );
    expect(corrected.entries.map((e) => e.amountFen)).toEqual([3_000, -3_000]);
    expect(amountInForce(corrected)).toBe(0);
  });

  it('R-AS-12: a breach fine on hold cannot be approved before its waiver window ends', () => {
    const held = { ...aProposedPenalty(), holdUntil: later(3) };
    expect(() => applyPenaltyCommand(held, { type: 'approve' }, aLead(), later(2))).toThrow(
      expect.objectContaining({ code: 'PENALTY.ON_HOLD' }),
    );
    expect(applyPenaltyCommand(held, { type: 'approve' }, aLead(), later(3)).status).toBe(
      'approved',
    );
  });

  it('R-AS-12: monthly totals per staff member count the fines in force', () => {
    const first = approved(aProposedPenalty({}, 'pen-1'));
    const reversed = applyPenaltyCommand(
      approved(aProposedPenalty({}, 'pen-2')),
      { type: 'correct', correctedFen: 0, reason: 'duplicate' },
      aLead(),
      later(2),
    );
    const otherStaff = approved(aProposedPenalty({ responsibleStaffId: 'cook-7' }, 'pen-3'));
    const early = applyPenaltyCommand(
      proposeFixedFine(
        {
          penaltyId: 'pen-4',
          source: { kind: 'early-departure', id: 'del-1' },
          reason: 'left early',
        },
        'early-departure',
        'driver-3',
        T0,
        anAgent(),
        T0,
      ),
      { type: 'approve' },
      aLead(),
      later(1),
    );
    const nextMonth = approved(
      aProposedPenalty({ occurredAt: new Date('2026-04-02T02:00:00Z') }, 'pen-5'),
    );
    expect(monthlyTotals([first, reversed, otherStaff, early, nextMonth], '2026-03')).toEqual([
      { staffId: 'cook-7', month: '2026-03', totalFen: 3_000, fines: 1 },
      { staffId: 'driver-3', month: '2026-03', totalFen: 5_000, fines: 2 },
    ]);
  });

  it('R-AS-12: a withdrawn proposal (waived breach) can no longer be approved', () => {
    const withdrawn = applyPenaltyCommand(
      aProposedPenalty(),
      { type: 'withdraw', reason: 'force majeure' },
      anAgent(),
      later(1),
    );
    expect(() => applyPenaltyCommand(withdrawn, { type: 'approve' }, aLead(), later(4))).toThrow(
      expect.objectContaining({ code: 'PENALTY.INVALID_STEP' }),
    );
  });
});
