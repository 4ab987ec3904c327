/**
 * Monthly canteen statement (R-AS-6 canteen side): goods accepted at delivery, at the order's
 * prices, minus credits from approved returns. Months are Asia/Shanghai calendar months.
 */
import { fromShanghai, shanghaiDate } from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';
import type { Order } from '../../orders/domain/order';
import type { CanteenCredit } from './return-credit';

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** [from, to) instants of a `YYYY-MM` Shanghai month. */
export function monthRange(month: string): { from: Date; to: Date } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) {
    throw new DomainError('STATEMENT.INVALID_MONTH', `not a month: ${month}`, 'invalid', [
      { field: 'month', reason: 'must be YYYY-MM' },
    ]);
  }
  const year = Number(match[1]);
  const m = Number(match[2]);
  return {
    from: fromShanghai(year, m, 1),
    to: m === 12 ? fromShanghai(year + 1, 1, 1) : fromShanghai(year, m + 1, 1),
  };
}

export interface StatementDelivery {
  orderId: string;
  deliveredAt: Date;
  amountFen: number;
}

export interface StatementCredit {
  returnId: string;
  orderId: string;
  approvedAt: Date;
  amountFen: number;
}

export interface CanteenStatement {
  canteenId: string;
  month: string;
  deliveries: StatementDelivery[];
  credits: StatementCredit[];
  deliveredFen: number;
  creditedFen: number;
  /** What the canteen owes for the month: delivered minus credited. */
  balanceFen: number;
}

const inMonth = (instant: Date, month: string) => shanghaiDate(instant).slice(0, 7) === month;

export function computeStatement(
  canteenId: string,
  month: string,
  orders: readonly Order[],
  credits: readonly CanteenCredit[],
): CanteenStatement {
  monthRange(month);
  const deliveries = orders
    .filter(
      (o) => o.canteenId === canteenId && o.delivery && inMonth(o.delivery.deliveredAt, month),
    )
    .map((o) => ({
      orderId: o.orderId,
      deliveredAt: o.delivery!.deliveredAt,
      amountFen: o.delivery!.acceptedAmountFen,
    }))
    .sort((a, b) => a.deliveredAt.getTime() - b.deliveredAt.getTime());
  const monthCredits = credits
    .filter((c) => c.canteenId === canteenId && c.month === month)
    .map((c) => ({
      returnId: c.returnId,
      orderId: c.orderId,
      approvedAt: c.approvedAt,
      amountFen: c.amountFen,
    }))
    .sort((a, b) => a.approvedAt.getTime() - b.approvedAt.getTime());
  const deliveredFen = deliveries.reduce((sum, d) => sum + d.amountFen, 0);
  const creditedFen = monthCredits.reduce((sum, c) => sum + c.amountFen, 0);
  return {
    canteenId,
    month,
    deliveries,
    credits: monthCredits,
    deliveredFen,
    creditedFen,
    balanceFen: deliveredFen - creditedFen,
  };
}
