/**
 * R-AS-6: an approved return credits the canteen's monthly statement, at the unit price of the
 * original order line (a replacement's free line credits nothing).
 */
import { shanghaiDate } from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';
import { amountFen } from '../../orders/domain/line-pricing';
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

export function creditForReturn(original: Order, approved: ApprovedReturn): CanteenCredit {
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
      amountFen: amountFen(returned.quantity, line.price),
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
