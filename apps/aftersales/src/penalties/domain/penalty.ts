import type { Fen } from '@app/common/money/money';
import type { FixedFineKind, ProblemKey } from './penalty-calculator';
import type { Severity } from './penalty-scale';

export const PENALTY_SOURCES = [
  'complaint',
  'delivery-breach',
  'early-departure',
  'hidden-complaint',
  'manual',
] as const;
export type PenaltySource = (typeof PENALTY_SOURCES)[number];

export const PENALTY_STATUSES = [
  'proposed',
  'approved',
  'under-appeal',
  'rejected',
  'withdrawn',
] as const;
export type PenaltyStatus = (typeof PENALTY_STATUSES)[number];

/**
 * One posting of the penalty ledger. Postings are never changed: a correction adds a
 * reversal of the amount in force and, when something remains due, a new charge (R-AS-12).
 */
export interface LedgerEntry {
  entryId: string;
  kind: 'charge' | 'reversal';
  /** Signed: charges positive, reversals negative. */
  amountFen: Fen;
  /** Shanghai month (`YYYY-MM`) the fine belongs to; a reversal corrects that same month. */
  month: string;
  postedAt: Date;
  postedBy: string;
  reason: string;
}

export interface Appeal {
  filedBy: string;
  filedAt: Date;
  reason: string;
  decidedBy?: string;
  decidedAt?: Date;
  outcome?: 'upheld' | 'granted';
  decisionNote?: string;
}

export interface Penalty {
  penaltyId: string;
  staffId: string;
  borneByLead: boolean;
  source: { kind: PenaltySource; id: string };
  reason: string;
  severity?: Severity;
  fixedFine?: FixedFineKind;
  problem?: ProblemKey;
  baseFen: Fen;
  amountFen: Fen;
  doubled: boolean;
  repeatOfPenaltyId?: string;
  flaggedForDismissal: boolean;
  occurredAt: Date;
  proposedAt: Date;
  proposedBy: string;
  /** Approval waits until then (e.g. the 3-day force-majeure window of a breach, R-DEL-6). */
  holdUntil?: Date;
  status: PenaltyStatus;
  decidedBy?: string;
  decidedAt?: Date;
  decisionNote?: string;
  appeal?: Appeal;
  entries: LedgerEntry[];
}

/** The amount in force: the sum of the postings. */
export function amountInForce(penalty: Pick<Penalty, 'entries'>): Fen {
  return penalty.entries.reduce((sum, e) => sum + e.amountFen, 0);
}
