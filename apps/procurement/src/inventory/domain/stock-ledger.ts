/** R-INV-4: on-hand and available stock rebuilt from the append-only ledger alone. */
import { balancesOf, Balances, LedgerMove } from './lot';

export interface LedgerEntry extends LedgerMove {
  moveId: string;
  lotId: string;
  sku: string;
}

export interface RebuiltStock {
  byLot: Map<string, Balances>;
  bySku: Map<string, Balances>;
}

export function rebuildStock(entries: LedgerEntry[]): RebuiltStock {
  const byLot = group(entries, (e) => e.lotId);
  const bySku = group(entries, (e) => e.sku);
  return {
    byLot: new Map([...byLot].map(([k, v]) => [k, balancesOf(v)])),
    bySku: new Map([...bySku].map(([k, v]) => [k, balancesOf(v)])),
  };
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
