/**
 * A designated supplier's quote for one ISO week (R-PROC-3, R-PROC-4): submitted (and revised)
 * by the supplier before the deadline, verified by the cost-accountant against the approved
 * survey, then approved or rejected by an ops-manager who did not verify it.
 */
import { DomainError } from '@app/common/errors/domain-error';
import { Actor, requireRole } from '../../shared/domain/actor';
import { record, TransitionRecord } from '../../shared/domain/transition-record';
import { assertUnitPrice, UnitPrice } from '../../shared/domain/unit-price';
import { assertQuoteWindowOpen, RoundReopening } from './quote-deadline';
import { LineVerification, verifyLine } from './quote-verification';

export type QuoteStatus = 'submitted' | 'verified' | 'approved' | 'rejected';

export interface QuoteLine extends UnitPrice {
  sku: string;
}

export interface QuoteVerification {
  by: string;
  at: Date;
  tolerancePercent: number;
  lines: LineVerification[];
}

export interface Quote {
  week: string;
  supplierId: string;
  status: QuoteStatus;
  /** Starts at 1; every revision by the supplier adds one and voids an earlier verification. */
  revision: number;
  lines: QuoteLine[];
  verification?: QuoteVerification;
  rejectionReason?: string;
  history: TransitionRecord<QuoteStatus>[];
}

export interface QuoteContext {
  now: Date;
  reopening?: RoundReopening;
  /** Skus the supplier is designated for; a quote for anything else is refused. */
  suppliedSkus: string[];
}

export function submitQuote(
  week: string,
  supplierId: string,
  lines: QuoteLine[],
  actor: Actor,
  ctx: QuoteContext,
): Quote {
  assertOwnSupplier(actor, supplierId);
  assertQuoteWindowOpen(week, ctx.now, ctx.reopening);
  assertLines(lines, ctx.suppliedSkus);
  return {
    week,
    supplierId,
    status: 'submitted',
    revision: 1,
    lines,
    history: [record('submitted', null, 'submitted', actor, ctx.now)],
  };
}

export function reviseQuote(
  quote: Quote,
  lines: QuoteLine[],
  actor: Actor,
  ctx: QuoteContext,
): Quote {
  assertOwnSupplier(actor, quote.supplierId);
  if (quote.status === 'approved') {
    throw new DomainError(
      'QUOTE.ALREADY_APPROVED',
      'an approved quote cannot be revised',
      'conflict',
    );
  }
  assertQuoteWindowOpen(quote.week, ctx.now, ctx.reopening);
  assertLines(lines, ctx.suppliedSkus);
  const rest = { ...quote };
  delete rest.verification;
  delete rest.rejectionReason;
  return {
    ...rest,
    status: 'submitted',
    revision: quote.revision + 1,
    lines,
    history: [...quote.history, record('revised', quote.status, 'submitted', actor, ctx.now)],
  };
}

export interface VerifyCommand {
  /** The week's survey must be approved first (survey → review → quotes → verification). */
  surveyApproved: boolean;
  medians: Map<string, number>;
  tolerancePercent: number;
  /** Written justifications for flagged lines, by sku. */
  justifications: Record<string, string>;
}

export function verifyQuote(quote: Quote, cmd: VerifyCommand, actor: Actor, now: Date): Quote {
  requireRole(actor, ['cost-accountant'], 'verify a quote');
  if (!cmd.surveyApproved) {
    throw new DomainError(
      'QUOTE.SURVEY_NOT_APPROVED',
      `the price survey of ${quote.week} must be approved before quotes are verified`,
      'unprocessable',
    );
  }
  if (quote.status !== 'submitted') {
    throw new DomainError(
      'QUOTE.NOT_SUBMITTED',
      `quote is ${quote.status}, not submitted`,
      'conflict',
    );
  }
  const lines = quote.lines.map((line) => {
    const checked = verifyLine(line, cmd.medians, cmd.tolerancePercent);
    const justification = cmd.justifications[line.sku]?.trim();
    return checked.flagged && justification ? { ...checked, justification } : checked;
  });
  return {
    ...quote,
    status: 'verified',
    verification: { by: actor.userId, at: now, tolerancePercent: cmd.tolerancePercent, lines },
    history: [...quote.history, record('verified', 'submitted', 'verified', actor, now)],
  };
}

/** The cost-accountant adds the written justification of a flagged price after verifying. */
export function justifyLine(
  quote: Quote,
  sku: string,
  justification: string,
  actor: Actor,
  now: Date,
): Quote {
  requireRole(actor, ['cost-accountant'], 'justify a flagged price');
  if (quote.status !== 'verified' || !quote.verification) {
    throw new DomainError(
      'QUOTE.NOT_VERIFIED',
      `quote is ${quote.status}, not verified`,
      'conflict',
    );
  }
  const line = quote.verification.lines.find((l) => l.sku === sku);
  if (!line?.flagged) {
    throw new DomainError('QUOTE.LINE_NOT_FLAGGED', `price of ${sku} is not flagged`, 'invalid', [
      { field: 'sku', reason: 'not a flagged line of this quote' },
    ]);
  }
  if (!justification.trim()) {
    throw new DomainError(
      'QUOTE.JUSTIFICATION_REQUIRED',
      'a justification is required',
      'invalid',
      [{ field: 'justification', reason: 'is required' }],
    );
  }
  const lines = quote.verification.lines.map((l) =>
    l.sku === sku ? { ...l, justification: justification.trim() } : l,
  );
  return {
    ...quote,
    verification: { ...quote.verification, lines },
    history: [...quote.history, record(`justified ${sku}`, 'verified', 'verified', actor, now)],
  };
}

export function approveQuote(quote: Quote, actor: Actor, now: Date): Quote {
  const verification = assertDecidable(quote, actor);
  const unjustified = verification.lines.filter((l) => l.flagged && !l.justification);
  if (unjustified.length > 0) {
    throw new DomainError(
      'QUOTE.FLAGGED_WITHOUT_JUSTIFICATION',
      'flagged prices need a written justification before approval',
      'unprocessable',
      unjustified.map((l) => ({
        field: `lines.${l.sku}`,
        reason: 'flagged above the survey median without justification',
      })),
    );
  }
  return {
    ...quote,
    status: 'approved',
    history: [...quote.history, record('approved', 'verified', 'approved', actor, now)],
  };
}

export function rejectQuote(quote: Quote, reason: string, actor: Actor, now: Date): Quote {
  assertDecidable(quote, actor);
  if (!reason.trim()) {
    throw new DomainError('QUOTE.REASON_REQUIRED', 'a rejection needs a reason', 'invalid', [
      { field: 'reason', reason: 'is required' },
    ]);
  }
  return {
    ...quote,
    status: 'rejected',
    rejectionReason: reason,
    history: [...quote.history, record('rejected', 'verified', 'rejected', actor, now, reason)],
  };
}

function assertDecidable(quote: Quote, actor: Actor): QuoteVerification {
  requireRole(actor, ['ops-manager'], 'approve or reject a quote');
  if (quote.status !== 'verified' || !quote.verification) {
    throw new DomainError(
      'QUOTE.NOT_VERIFIED',
      `quote is ${quote.status}; it must be verified first`,
      'conflict',
    );
  }
  if (quote.verification.by === actor.userId) {
    throw new DomainError(
      'QUOTE.SEPARATION_OF_DUTIES',
      'the person who verified a quote cannot decide on it',
      'forbidden',
    );
  }
  return quote.verification;
}

function assertOwnSupplier(actor: Actor, supplierId: string): void {
  requireRole(actor, ['supplier'], 'submit quotes');
  if (actor.supplierId !== supplierId) {
    // Another supplier's quote does not exist for this caller.
    throw new DomainError(
      'QUOTE.NOT_FOUND',
      `no quote of supplier ${supplierId} for you`,
      'not-found',
    );
  }
}

function assertLines(lines: QuoteLine[], suppliedSkus: string[]): void {
  if (lines.length === 0) {
    throw new DomainError('QUOTE.EMPTY', 'a quote needs at least one price', 'invalid', [
      { field: 'lines', reason: 'must not be empty' },
    ]);
  }
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    assertUnitPrice(line, `lines[${i}]`);
    if (seen.has(line.sku)) {
      throw new DomainError('QUOTE.DUPLICATE_SKU', `${line.sku} is quoted twice`, 'invalid', [
        { field: `lines[${i}].sku`, reason: 'duplicate' },
      ]);
    }
    seen.add(line.sku);
    if (!suppliedSkus.includes(line.sku)) {
      throw new DomainError(
        'QUOTE.SKU_NOT_SUPPLIED',
        `supplier is not designated for ${line.sku}`,
        'unprocessable',
        [{ field: `lines[${i}].sku`, reason: 'not among the ingredients this supplier supplies' }],
      );
    }
  });
}
