/**
 * R-PROC-7 / R-INV-2: goods whose label best-before has already passed never enter stock. They
 * are rejected at the door with reason `expired` — never received, so never charged (R-PROC-6)
 * and the quantity stays open on the purchase order for the supplier to redeliver.
 */
import type { FieldProblem } from '@app/common/errors/domain-error';
import { addDays, startOfShanghaiDay } from '@app/common/clock/business-time';
import { isExpired } from './lot-expiry';
import type { ReceiptLine } from './goods-receipt';

/** True when the label's best-before (usable through that Shanghai day) is over at `now`. */
export function labelExpired(bestBefore: string | undefined, now: Date): boolean {
  if (bestBefore === undefined) return false;
  // The shelf life counts from receipt (= now), so only the label can be over already.
  return isExpired(startOfShanghaiDay(addDays(bestBefore, 1)), now);
}

/** Recording a receipt: accepting expired goods is refused, naming the line. */
export function expiredAcceptanceProblems(
  lines: readonly Pick<ReceiptLine, 'accepted' | 'bestBefore'>[],
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  lines.forEach((line, i) => {
    if (line.accepted > 0 && labelExpired(line.bestBefore, now)) {
      problems.push({
        field: `lines[${i}].accepted`,
        reason: `best-before ${line.bestBefore} has passed: reject these goods with reason expired`,
      });
    }
  });
  return problems;
}

export interface ExpiredRejection {
  lineId: string;
  quantity: number;
}

/**
 * The second signature is the moment goods enter stock: a label that expired since the receipt
 * was recorded turns the line's accepted quantity into a rejection `expired` (the whole line
 * shares one label, so `expired` becomes its one reason).
 */
export function rejectExpiredAtSignature<L extends ReceiptLine>(
  lines: readonly L[],
  now: Date,
): { lines: L[]; rejected: ExpiredRejection[] } {
  const rejected: ExpiredRejection[] = [];
  const next = lines.map((line) => {
    if (line.accepted === 0 || !labelExpired(line.bestBefore, now)) return line;
    rejected.push({ lineId: line.lineId, quantity: line.accepted });
    return {
      ...line,
      accepted: 0,
      rejected: line.rejected + line.accepted,
      rejectionReason: 'expired' as const,
    };
  });
  return { lines: next, rejected };
}
