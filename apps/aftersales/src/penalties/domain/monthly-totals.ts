import type { Fen } from '@app/common/money/money';
import type { LedgerEntry } from './penalty';

export interface MonthlyTotal {
  staffId: string;
  month: string;
  totalFen: Fen;
  /** Fines in force for the month (a fully reversed fine no longer counts). */
  fines: number;
}

/**
 * R-AS-12: per staff member, the sum of the postings that belong to a month — for the
 * performance review. Reversals land in the fine's own month, so the total is the fine in force.
 */
export function monthlyTotals(
  penalties: readonly { staffId: string; entries: readonly LedgerEntry[] }[],
  month: string,
): MonthlyTotal[] {
  const byStaff = new Map<string, MonthlyTotal>();
  for (const p of penalties) {
    const inMonth = p.entries.filter((e) => e.month === month);
    if (inMonth.length === 0) continue;
    const sum = inMonth.reduce((s, e) => s + e.amountFen, 0);
    const total = byStaff.get(p.staffId) ?? { staffId: p.staffId, month, totalFen: 0, fines: 0 };
    total.totalFen += sum;
    if (sum > 0) total.fines += 1;
    byStaff.set(p.staffId, total);
  }
  return [...byStaff.values()].sort((a, b) => a.staffId.localeCompare(b.staffId));
}
