/**
 * R-INV-2 / R-INV-4: stock per ingredient as the ledger's sum, judged against the clock at read
 * time. A lot past its best-before is never available, whether or not the quarantine sweep has
 * run yet: its unreserved quantity is not offered, and its on-hand shows as `expired` until it
 * is written off.
 */
import { isExpired } from '../../goods-receipts/domain/lot-expiry';
import { rebuildStock, type LedgerEntry } from './stock-ledger';

export interface StockFigure {
  sku: string;
  /** Physically in the warehouse (ledger sum), expired lots included until written off. */
  onHand: number;
  /** Unreserved and still good now. */
  available: number;
  /** On hand in lots past their best-before (reserved or not). */
  expired: number;
}

export function stockAt(
  entries: LedgerEntry[],
  expiryOfLot: ReadonlyMap<string, Date>,
  now: Date,
): StockFigure[] {
  const skuOfLot = new Map(entries.map((e) => [e.lotId, e.sku]));
  const bySku = new Map<string, StockFigure>();
  for (const [lotId, balances] of rebuildStock(entries).byLot) {
    const sku = skuOfLot.get(lotId)!;
    const figure = bySku.get(sku) ?? { sku, onHand: 0, available: 0, expired: 0 };
    const expiresAt = expiryOfLot.get(lotId);
    const expired = expiresAt !== undefined && isExpired(expiresAt, now);
    figure.onHand += balances.onHand;
    if (expired) figure.expired += balances.onHand;
    else figure.available += balances.available;
    bySku.set(sku, figure);
  }
  return [...bySku.values()].sort((a, b) => a.sku.localeCompare(b.sku));
}
