/**
 * R-PROC-7: goods received against a purchase order, per line accepted and rejected (with a
 * reason), effective only once BOTH the head chef and the warehouse keeper have signed — two
 * different people. Until then nothing enters stock.
 */
import { DomainError, FieldProblem } from '@app/common/errors/domain-error';
import { Actor, requireRole } from '../../shared/domain/actor';
import { record, TransitionRecord } from '../../shared/domain/transition-record';

export const RECEIPT_REJECTION_REASONS = [
  'short',
  'damaged-packaging',
  'opened',
  'off-spec',
  'expired',
] as const;
export type ReceiptRejectionReason = (typeof RECEIPT_REJECTION_REASONS)[number];

export const SIGNING_ROLES = ['chef', 'warehouse'] as const;
export type SigningRole = (typeof SIGNING_ROLES)[number];

export type ReceiptStatus = 'awaiting-signatures' | 'effective';

export interface ReceiptLine {
  /** Purchase order line. */
  lineId: string;
  sku: string;
  accepted: number;
  rejected: number;
  rejectionReason?: ReceiptRejectionReason;
  /** Best-before printed on the label, YYYY-MM-DD, if any. */
  bestBefore?: string;
}

export interface Signature {
  by: string;
  at: Date;
}

export interface GoodsReceipt {
  purchaseOrderId: string;
  supplierId: string;
  status: ReceiptStatus;
  lines: ReceiptLine[];
  signatures: Partial<Record<SigningRole, Signature>>;
  history: TransitionRecord<ReceiptStatus>[];
}

export function recordReceipt(
  purchaseOrderId: string,
  supplierId: string,
  lines: ReceiptLine[],
  actor: Actor,
  now: Date,
): GoodsReceipt {
  requireRole(actor, SIGNING_ROLES, 'record goods receipts');
  const problems = lineProblems(lines);
  if (problems.length > 0) {
    throw new DomainError(
      'RECEIPT.INVALID_LINES',
      'the receipt lines are not valid',
      'invalid',
      problems,
    );
  }
  return {
    purchaseOrderId,
    supplierId,
    status: 'awaiting-signatures',
    lines,
    signatures: {},
    history: [record('recorded', null, 'awaiting-signatures', actor, now)],
  };
}

export function signReceipt(receipt: GoodsReceipt, actor: Actor, now: Date): GoodsReceipt {
  requireRole(actor, SIGNING_ROLES, 'sign goods receipts');
  const role = actor.role as SigningRole;
  if (receipt.status === 'effective' || receipt.signatures[role]) {
    throw new DomainError(
      'RECEIPT.ALREADY_SIGNED',
      `the ${role} has already signed this receipt`,
      'conflict',
    );
  }
  const other = SIGNING_ROLES.find((r) => r !== role)!;
  if (receipt.signatures[other]?.by === actor.userId) {
    throw new DomainError(
      'RECEIPT.SAME_SIGNATORY',
      'the chef and the warehouse keeper must be two different people',
      'forbidden',
    );
  }
  const signatures = { ...receipt.signatures, [role]: { by: actor.userId, at: now } };
  const status: ReceiptStatus =
    signatures.chef && signatures.warehouse ? 'effective' : 'awaiting-signatures';
  return {
    ...receipt,
    signatures,
    status,
    history: [...receipt.history, record(`signed by ${role}`, receipt.status, status, actor, now)],
  };
}

function lineProblems(lines: ReceiptLine[]): FieldProblem[] {
  if (lines.length === 0) return [{ field: 'lines', reason: 'must not be empty' }];
  const problems: FieldProblem[] = [];
  lines.forEach((line, i) => {
    for (const key of ['accepted', 'rejected'] as const) {
      if (!Number.isSafeInteger(line[key]) || line[key] < 0) {
        problems.push({
          field: `lines[${i}].${key}`,
          reason: 'must be a non-negative integer in the base unit',
        });
      }
    }
    if (line.accepted + line.rejected === 0) {
      problems.push({ field: `lines[${i}]`, reason: 'nothing accepted nor rejected' });
    }
    if (line.rejected > 0 && !line.rejectionReason) {
      problems.push({
        field: `lines[${i}].rejectionReason`,
        reason: `required when goods are rejected: ${RECEIPT_REJECTION_REASONS.join(', ')}`,
      });
    }
    if (line.rejectionReason && !RECEIPT_REJECTION_REASONS.includes(line.rejectionReason)) {
      problems.push({
        field: `lines[${i}].rejectionReason`,
        reason: `must be one of ${RECEIPT_REJECTION_REASONS.join(', ')}`,
      });
    }
  });
  return problems;
}
