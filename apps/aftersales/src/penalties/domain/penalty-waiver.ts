/**
 * R-DEL-6 × R-AS-12: a force-majeure waiver takes back the fine of the breach it excuses, whenever
 * it arrives. A proposal is withdrawn; a fine already approved (or under appeal) is never edited:
 * a reversing entry of the amount in force is posted into the fine's own month with the waiver as
 * its reason, so the staff member's monthly total drops by exactly that amount.
 */
import type { Actor } from '../../shared/actor';
import { amountInForce, type LedgerEntry, type Penalty } from './penalty';

/** The waived penalty, or null when there is nothing left to take back (already done). */
export function waivePenalty(
  penalty: Penalty,
  reason: string,
  actor: Actor,
  now: Date,
): Penalty | null {
  switch (penalty.status) {
    case 'proposed':
      return {
        ...penalty,
        status: 'withdrawn',
        decidedBy: actor.id,
        decidedAt: now,
        decisionNote: reason,
      };
    case 'approved':
    case 'under-appeal': {
      const inForce = amountInForce(penalty);
      const reversal: LedgerEntry[] =
        inForce === 0
          ? []
          : [
              {
                entryId: `${penalty.penaltyId}:${penalty.entries.length + 1}`,
                kind: 'reversal',
                amountFen: -inForce,
                month: penalty.entries[0].month,
                postedAt: now,
                postedBy: actor.id,
                reason,
              },
            ];
      // The approval (decidedBy/decidedAt) stays as it was: the reversal records the waiver.
      return { ...penalty, status: 'withdrawn', entries: [...penalty.entries, ...reversal] };
    }
    case 'rejected':
    case 'withdrawn':
      return null;
  }
}
