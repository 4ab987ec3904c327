/**
 * R-AS-6: an approved return credits the canteen's monthly statement, at the exact price of the
 * original order line (a replacement's free line credits nothing).
 */
import { shanghaiDate } from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';
import { creditAtExactPrice } from '@app/common/money/exact-price';
import { exactPriceOf } from '../../orders/domain/line-pricing';
import type { Order } from '../../orders/domain/order';

export interface ApprovedReturn {
  returnId: string;
  canteenId: string;
  originalOrderId: string;
  approvedAt: Date;
  lines: { lineId: string; quantity: number }[];
}

export interface CreditLine {
  lineId: string;
  name: string;
  quantity: number;
  amountFen: number;
}

export interface CanteenCredit {
  returnId: string;
  canteenId: string;
  orderId: string;
  /** Statement month, `YYYY-MM` Asia/Shanghai, of the approval. */
  month: string;
  approvedAt: Date;
  lines: CreditLine[];
  amountFen: number;
}

/**
 * `alreadyCredited`: units of each line credited by earlier returns. A line returned in parts is
 * credited the difference of cumulative amounts, so its credits add up to the fen it was charged.
 */
export function creditForReturn(
  original: Order,
  approved: ApprovedReturn,
  alreadyCredited: ReadonlyMap<string, number> = new Map(),
): CanteenCredit {
  if (original.canteenId !== approved.canteenId) {
    throw new DomainError(
      'STATEMENT.RETURN_MISMATCH',
      `return ${approved.returnId} is for canteen ${approved.canteenId}, order ${original.orderId} is not`,
      'unprocessable',
    );
  }
  const lines = approved.lines.map((returned, i) => {
    const line = original.lines.find((l) => l.lineId === returned.lineId);
    if (!line) {
      throw new DomainError(
        'STATEMENT.RETURN_UNKNOWN_LINE',
        `order ${original.orderId} has no line ${returned.lineId}`,
        'unprocessable',
        [{ field: `lines[${i}].lineId`, reason: 'not a line of the original order' }],
      );
    }
    return {
      lineId: line.lineId,
      name: line.name,
      quantity: returned.quantity,
      amountFen: creditAtExactPrice(
        returned.quantity,
        alreadyCredited.get(line.lineId) ?? 0,
        exactPriceOf(line.price),
      ),
    };
  });
  return {
    returnId: approved.returnId,
    canteenId: approved.canteenId,
    orderId: original.orderId,
    month: shanghaiDate(approved.approvedAt).slice(0, 7),
    approvedAt: approved.approvedAt,
    lines,
    amountFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
  };
}

/** Units credited so far per line of one order, from its earlier credits. */
export function creditedQuantities(
  credits: readonly { lines: readonly { lineId: string; quantity: number }[] }[],
): Map<string, number> {
  const credited = new Map<string, number>();
  for (const credit of credits)
    for (const line of credit.lines)
      credited.set(line.lineId, (credited.get(line.lineId) ?? 0) + line.quantity);
  return credited;
}
