import { DAY_MS } from '@app/common/clock/clock';
import type { Fen } from '@app/common/money/money';
import type { PenaltyScale, Severity } from './penalty-scale';

/** R-AS-9: a problem reported again within this many days doubles the fine. */
export const REPEAT_WINDOW_DAYS = 30;

/** R-AS-11: fixed fines, not scaled and not doubled ("每人每次罚款20元"). */
export const FIXED_FINES = {
  'early-departure': 2_000,
  'hid-unresolved-complaint': 2_000,
} as const satisfies Record<string, Fen>;
export type FixedFineKind = keyof typeof FIXED_FINES;

/** What makes two problems "the same problem" (R-AS-9). */
export interface ProblemKey {
  canteenId: string;
  category: string;
  cause: string;
  staffId: string;
}

/** An earlier penalty, as far as repeat detection needs it. */
export interface PriorPenalty {
  penaltyId: string;
  problem?: ProblemKey;
  occurredAt: Date;
  /** Rejected or withdrawn penalties were never a fine and do not count as a first offence. */
  counts: boolean;
}

export interface ScaledPenaltyInput {
  severity: Severity;
  badImpact: boolean;
  canteenId: string;
  category: string;
  cause: string;
  /** The directly responsible person; absent when none could be found. */
  responsibleStaffId?: string;
  /** Bears the fine when nobody is directly responsible (R-AS-10). */
  aftersalesLeadId: string;
  occurredAt: Date;
  priorPenalties: readonly PriorPenalty[];
}

export interface PenaltyAmount {
  staffId: string;
  borneByLead: boolean;
  baseFen: Fen;
  amountFen: Fen;
  doubled: boolean;
  repeatOfPenaltyId?: string;
  flaggedForDismissal: boolean;
  problem: ProblemKey;
}

function sameProblem(a: ProblemKey, b: ProblemKey): boolean {
  return (
    a.canteenId === b.canteenId &&
    a.category === b.category &&
    a.cause === b.cause &&
    a.staffId === b.staffId
  );
}

/** R-AS-9: the most recent counting penalty for the same problem in the 30 days before. */
export function findRepeat(
  problem: ProblemKey,
  occurredAt: Date,
  prior: readonly PriorPenalty[],
): PriorPenalty | undefined {
  const windowStart = occurredAt.getTime() - REPEAT_WINDOW_DAYS * DAY_MS;
  return prior
    .filter(
      (p) =>
        p.counts &&
        p.problem !== undefined &&
        sameProblem(p.problem, problem) &&
        p.occurredAt.getTime() >= windowStart &&
        p.occurredAt.getTime() <= occurredAt.getTime(),
    )
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
}

/**
 * R-AS-8…10: the fine for a rule breach — the severity's amount from the scale, doubled when
 * the same problem was fined within 30 days, borne by the aftersales-lead when nobody is
 * directly responsible; a severe case with bad impact is flagged for dismissal.
 */
export function calculatePenalty(input: ScaledPenaltyInput, scale: PenaltyScale): PenaltyAmount {
  const staffId = input.responsibleStaffId ?? input.aftersalesLeadId;
  const problem: ProblemKey = {
    canteenId: input.canteenId,
    category: input.category,
    cause: input.cause,
    staffId,
  };
  const baseFen = scale[input.severity];
  const repeat = findRepeat(problem, input.occurredAt, input.priorPenalties);
  return {
    staffId,
    borneByLead: input.responsibleStaffId === undefined,
    baseFen,
    // Doubling may pass 100 元: the source doubles the fine, the 10–100 range is the scale.
    amountFen: repeat ? baseFen * 2 : baseFen,
    doubled: repeat !== undefined,
    ...(repeat && { repeatOfPenaltyId: repeat.penaltyId }),
    flaggedForDismissal: input.severity === 'severe' && input.badImpact,
    problem,
  };
}
