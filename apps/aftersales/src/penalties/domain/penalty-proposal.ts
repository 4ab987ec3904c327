import type { Actor } from '../../shared/actor';
import type { Penalty, PenaltySource } from './penalty';
import {
  calculatePenalty,
  FIXED_FINES,
  type FixedFineKind,
  type ScaledPenaltyInput,
} from './penalty-calculator';
import type { PenaltyScale } from './penalty-scale';

interface ProposalBase {
  penaltyId: string;
  source: { kind: PenaltySource; id: string };
  reason: string;
  holdUntil?: Date;
}

/** R-AS-8…10: a scaled fine, proposed for the aftersales-lead's approval. */
export function proposeScaledPenalty(
  base: ProposalBase,
  input: ScaledPenaltyInput,
  scale: PenaltyScale,
  actor: Actor,
  now: Date,
): Penalty {
  const amount = calculatePenalty(input, scale);
  return {
    ...base,
    staffId: amount.staffId,
    borneByLead: amount.borneByLead,
    severity: input.severity,
    problem: amount.problem,
    baseFen: amount.baseFen,
    amountFen: amount.amountFen,
    doubled: amount.doubled,
    ...(amount.repeatOfPenaltyId && { repeatOfPenaltyId: amount.repeatOfPenaltyId }),
    flaggedForDismissal: amount.flaggedForDismissal,
    occurredAt: input.occurredAt,
    proposedAt: now,
    proposedBy: actor.id,
    status: 'proposed',
    entries: [],
  };
}

/** R-AS-11: a fixed fine (20 元), also approved by the aftersales-lead (R-AS-12). */
export function proposeFixedFine(
  base: ProposalBase,
  fine: FixedFineKind,
  staffId: string,
  occurredAt: Date,
  actor: Actor,
  now: Date,
): Penalty {
  return {
    ...base,
    staffId,
    borneByLead: false,
    fixedFine: fine,
    baseFen: FIXED_FINES[fine],
    amountFen: FIXED_FINES[fine],
    doubled: false,
    flaggedForDismissal: false,
    occurredAt,
    proposedAt: now,
    proposedBy: actor.id,
    status: 'proposed',
    entries: [],
  };
}
