import { shanghaiDate } from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';
import type { Fen } from '@app/common/money/money';
import type { Actor } from '../../shared/actor';
import { amountInForce, type LedgerEntry, type Penalty, type PenaltyStatus } from './penalty';

export type PenaltyCommand =
  | { type: 'approve'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw'; reason: string }
  | { type: 'appeal'; reason: string }
  | { type: 'decide-appeal'; outcome: 'upheld' }
  | { type: 'decide-appeal'; outcome: 'granted'; correctedFen: Fen; note: string }
  | { type: 'correct'; correctedFen: Fen; reason: string };

const LEAD = 'aftersales-lead';

function refuse(
  code: string,
  message: string,
  kind: 'conflict' | 'forbidden' | 'invalid' = 'conflict',
): never {
  throw new DomainError(`PENALTY.${code}`, message, kind);
}

function requireStatus(penalty: Penalty, command: string, allowed: PenaltyStatus[]): void {
  if (!allowed.includes(penalty.status)) {
    refuse('INVALID_STEP', `cannot ${command} a penalty that is ${penalty.status}`);
  }
}

/** R-AS-12: only the aftersales-lead decides, and never on a fine they bear themselves. */
function requireDecidingLead(penalty: Penalty, actor: Actor, what: string): void {
  if (actor.role !== LEAD) refuse('LEAD_ONLY', `only the aftersales-lead may ${what}`, 'forbidden');
  if (actor.id === penalty.staffId) {
    refuse(
      'OWN_PENALTY',
      `the aftersales-lead cannot ${what} a fine they bear themselves`,
      'forbidden',
    );
  }
}

function entry(
  penalty: Penalty,
  kind: LedgerEntry['kind'],
  amountFen: Fen,
  month: string,
  actor: Actor,
  now: Date,
  reason: string,
): LedgerEntry {
  return {
    entryId: `${penalty.penaltyId}:${penalty.entries.length + 1}`,
    kind,
    amountFen,
    month,
    postedAt: now,
    postedBy: actor.id,
    reason,
  };
}

/** Reverses the amount in force and charges the corrected amount, in the fine's own month. */
function correctionEntries(
  penalty: Penalty,
  correctedFen: Fen,
  actor: Actor,
  now: Date,
  reason: string,
): LedgerEntry[] {
  if (!Number.isInteger(correctedFen) || correctedFen < 0) {
    throw new DomainError(
      'PENALTY.BAD_AMOUNT',
      'the corrected amount must be 0 or more',
      'invalid',
      [{ field: 'correctedAmount', reason: 'must be a non-negative amount' }],
    );
  }
  const inForce = amountInForce(penalty);
  if (correctedFen === inForce)
    refuse('NOTHING_TO_CORRECT', 'the corrected amount equals the amount in force');
  const month = penalty.entries[0].month;
  const reversal = entry(penalty, 'reversal', -inForce, month, actor, now, reason);
  if (correctedFen === 0) return [reversal];
  const withReversal = { ...penalty, entries: [...penalty.entries, reversal] };
  return [reversal, entry(withReversal, 'charge', correctedFen, month, actor, now, reason)];
}

/**
 * R-AS-12: a penalty is proposed, approved or rejected by the aftersales-lead, appealed at
 * most once, and never edited — approval posts a charge, a correction posts a reversal.
 */
export function applyPenaltyCommand(
  penalty: Penalty,
  command: PenaltyCommand,
  actor: Actor,
  now: Date,
): Penalty {
  switch (command.type) {
    case 'approve': {
      requireStatus(penalty, 'approve', ['proposed']);
      requireDecidingLead(penalty, actor, 'approve');
      if (penalty.holdUntil && now.getTime() < penalty.holdUntil.getTime()) {
        refuse('ON_HOLD', `the penalty can be approved from ${penalty.holdUntil.toISOString()}`);
      }
      const month = shanghaiDate(penalty.occurredAt).slice(0, 7);
      const charge = entry(penalty, 'charge', penalty.amountFen, month, actor, now, penalty.reason);
      return {
        ...penalty,
        status: 'approved',
        decidedBy: actor.id,
        decidedAt: now,
        ...(command.note !== undefined && { decisionNote: command.note }),
        entries: [...penalty.entries, charge],
      };
    }
    case 'reject':
      requireStatus(penalty, 'reject', ['proposed']);
      requireDecidingLead(penalty, actor, 'reject');
      return {
        ...penalty,
        status: 'rejected',
        decidedBy: actor.id,
        decidedAt: now,
        decisionNote: command.reason,
      };

    case 'withdraw':
      // A waived breach (R-DEL-6) takes back a proposal; an approved fine needs a correction.
      requireStatus(penalty, 'withdraw', ['proposed']);
      return {
        ...penalty,
        status: 'withdrawn',
        decidedBy: actor.id,
        decidedAt: now,
        decisionNote: command.reason,
      };

    case 'appeal':
      if (penalty.appeal) refuse('APPEAL_USED', 'a penalty can be appealed once');
      requireStatus(penalty, 'appeal', ['approved']);
      if (actor.id !== penalty.staffId && actor.role !== 'aftersales' && actor.role !== LEAD) {
        refuse(
          'NOT_YOURS',
          'only the fined staff member or aftersales staff may appeal',
          'forbidden',
        );
      }
      return {
        ...penalty,
        status: 'under-appeal',
        appeal: { filedBy: actor.id, filedAt: now, reason: command.reason },
      };

    case 'decide-appeal': {
      requireStatus(penalty, 'decide an appeal on', ['under-appeal']);
      requireDecidingLead(penalty, actor, 'decide an appeal on');
      const decided = {
        ...penalty.appeal!,
        decidedBy: actor.id,
        decidedAt: now,
        outcome: command.outcome,
      };
      if (command.outcome === 'upheld') return { ...penalty, status: 'approved', appeal: decided };
      return {
        ...penalty,
        status: 'approved',
        appeal: { ...decided, decisionNote: command.note },
        entries: [
          ...penalty.entries,
          ...correctionEntries(
            penalty,
            command.correctedFen,
            actor,
            now,
            `appeal granted: ${command.note}`,
          ),
        ],
      };
    }
    case 'correct':
      requireStatus(penalty, 'correct', ['approved']);
      requireDecidingLead(penalty, actor, 'correct');
      return {
        ...penalty,
        entries: [
          ...penalty.entries,
          ...correctionEntries(penalty, command.correctedFen, actor, now, command.reason),
        ],
      };
  }
}
