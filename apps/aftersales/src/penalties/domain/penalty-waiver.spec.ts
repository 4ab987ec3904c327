import { DAY_MS } from '@app/common/clock/clock';
import { aLead, aProposedPenalty, T0 } from '../../testing/domain-factories';
import type { Actor } from '../../shared/actor';
import { monthlyTotals } from './monthly-totals';
import { amountInForce } from './penalty';
import { applyPenaltyCommand } from './penalty-ledger';
import { waivePenalty } from './penalty-waiver';

const later = (days: number) => new Date(T0.getTime() + days * DAY_MS);
const SYSTEM: Actor = { id: 'system:events', role: 'system' };
const REASON = 'breach waived: flood (proof fm-1.jpg)';

describe('a force-majeure waiver takes back the breach fine', () => {
  it('R-DEL-6: a proposed fine is withdrawn and posts nothing', () => {
    const waived = waivePenalty(aProposedPenalty(), REASON, SYSTEM, later(1))!;
    expect(waived).toMatchObject({ status: 'withdrawn', decisionNote: REASON, entries: [] });
  });

  it('R-AS-12 / R-DEL-6: an approved fine gets a reversing entry with the waiver as its reason; the monthly total reflects it', () => {
    const approved = applyPenaltyCommand(
      aProposedPenalty(),
      { type: 'approve' },
      aLead(),
      later(1),
    );
    const waived = waivePenalty(approved, REASON, SYSTEM, later(2))!;
    expect(waived.status).toBe('withdrawn');
    expect(waived.entries[0]).toEqual(approved.entries[0]); // never edited
    expect(waived.entries[1]).toEqual({
      entryId: `${approved.penaltyId}:2`,
      kind: 'reversal',
      amountFen: -3_000,
      month: '2026-03',
      postedAt: later(2),
      postedBy: 'system:events',
      reason: REASON,
    });
    expect(amountInForce(waived)).toBe(0);
    expect(waived.decidedBy).toBe(approved.decidedBy);
    expect(monthlyTotals([approved], '2026-03')[0].totalFen).toBe(3_000);
    expect(monthlyTotals([waived], '2026-03')[0]).toMatchObject({ totalFen: 0, fines: 0 });
  });

  it('R-AS-12: a fine under appeal is reversed too; a waiver applied twice changes nothing', () => {
    const approved = applyPenaltyCommand(
      aProposedPenalty(),
      { type: 'approve' },
      aLead(),
      later(1),
    );
    const appealed = applyPenaltyCommand(
      approved,
      { type: 'appeal', reason: 'the road was flooded' },
      aLead(),
      later(2),
    );
    const waived = waivePenalty(appealed, REASON, SYSTEM, later(3))!;
    expect(waived.entries.map((e) => e.amountFen)).toEqual([3_000, -3_000]);
    expect(waivePenalty(waived, REASON, SYSTEM, later(4))).toBeNull();
  });

  it('R-AS-12: a fine already corrected to 0 is closed without a zero entry; a rejected one is left alone', () => {
    const approved = applyPenaltyCommand(
      aProposedPenalty(),
      { type: 'approve' },
      aLead(),
      later(1),
    );
    const corrected = applyPenaltyCommand(
      approved,
      { type: 'correct', correctedFen: 0, reason: 'not his fault' },
      aLead(),
      later(2),
    );
    const waived = waivePenalty(corrected, REASON, SYSTEM, later(3))!;
    expect(waived.entries).toHaveLength(corrected.entries.length);
    expect(waived.status).toBe('withdrawn');
    const rejected = applyPenaltyCommand(
      aProposedPenalty(),
      { type: 'reject', reason: 'no' },
      aLead(),
      later(1),
    );
    expect(waivePenalty(rejected, REASON, SYSTEM, later(2))).toBeNull();
  });
});
