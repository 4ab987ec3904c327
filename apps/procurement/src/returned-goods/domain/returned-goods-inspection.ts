/**
 * R-AS-7 (procurement side): goods a canteen sent back are inspected by the warehouse. They go
 * back to stock only when unopened, within expiry and with the cold chain intact; otherwise they
 * are written off, and the cause is recorded so it can be charged.
 */
import { DomainError } from '@app/common/errors/domain-error';
import { Actor, requireRole } from '../../shared/domain/actor';

export type InspectionOutcome = 'restocked' | 'written-off';

export interface InspectionFindings {
  unopened: boolean;
  withinExpiry: boolean;
  coldChainIntact: boolean;
  /** What went wrong and who is responsible; required for a write-off. */
  cause?: string;
}

export interface ReturnedGoods {
  returnId: string;
  status: 'awaiting-inspection' | InspectionOutcome;
  lines: { sku: string; quantity: number }[];
}

export function inspectionOutcome(findings: InspectionFindings): InspectionOutcome {
  return findings.unopened && findings.withinExpiry && findings.coldChainIntact
    ? 'restocked'
    : 'written-off';
}

export function inspect(
  goods: ReturnedGoods,
  findings: InspectionFindings,
  actor: Actor,
): InspectionOutcome {
  requireRole(actor, ['warehouse'], 'inspect returned goods');
  if (goods.status !== 'awaiting-inspection') {
    throw new DomainError(
      'RETURN.ALREADY_INSPECTED',
      `returned goods ${goods.returnId} are already ${goods.status}`,
      'conflict',
    );
  }
  const outcome = inspectionOutcome(findings);
  if (outcome === 'written-off' && !findings.cause?.trim()) {
    throw new DomainError('RETURN.CAUSE_REQUIRED', 'a write-off needs the cause', 'invalid', [
      { field: 'cause', reason: 'required when goods are written off' },
    ]);
  }
  return outcome;
}
