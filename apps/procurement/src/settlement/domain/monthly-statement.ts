/**
 * R-PROC-6: a supplier's monthly statement (月结): goods received in the month at the approved
 * purchase-order price, minus goods sent back to the supplier in the month. Goods rejected at
 * the door were never received, so they are never charged.
 */
import { shanghaiDate } from '@app/common/clock/business-time';
import { amountFor, UnitPrice } from '../../shared/domain/unit-price';

export interface SettlementEntry extends UnitPrice {
  kind: 'received' | 'returned';
  at: Date;
  sku: string;
  quantity: number;
  /** Purchase order and receipt or lot the entry comes from. */
  ref: string;
}

export interface StatementLine extends SettlementEntry {
  amountFen: number;
}

export interface MonthlyStatement {
  supplierId: string;
  month: string;
  lines: StatementLine[];
  receivedFen: number;
  returnedFen: number;
  payableFen: number;
}

/** `month` is YYYY-MM on the Shanghai calendar. */
export function monthlyStatement(
  supplierId: string,
  month: string,
  entries: SettlementEntry[],
): MonthlyStatement {
  const lines = entries
    .filter((e) => shanghaiDate(e.at).startsWith(`${month}-`))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e) => ({ ...e, amountFen: amountFor(e, e.quantity) }));
  const sum = (kind: SettlementEntry['kind']) =>
    lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amountFen, 0);
  const receivedFen = sum('received');
  const returnedFen = sum('returned');
  return {
    supplierId,
    month,
    lines,
    receivedFen,
    returnedFen,
    payableFen: receivedFen - returnedFen,
  };
}
