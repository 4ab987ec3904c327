/**
 * R-INV-2: which lots an order's demand comes from. FIFO (oldest received first) unless the
 * ingredient opts into FEFO (earliest expiry first). A lot that will be past its expiry by the
 * time the goods are used is never chosen: reserving it would mean issuing expired food.
 */
import { RemovalStrategy } from '../../ingredients/domain/ingredient';
import { isExpired } from '../../goods-receipts/domain/lot-expiry';
import { Lot } from './lot';

export type LotCandidate = Pick<
  Lot,
  'lotId' | 'sku' | 'receivedAt' | 'expiresAt' | 'available' | 'status'
>;

export interface Allocation {
  lotId: string;
  sku: string;
  quantity: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  missing: number;
}

export function isUsable(lot: LotCandidate, usableUntil: Date): boolean {
  return lot.status === 'available' && lot.available > 0 && !isExpired(lot.expiresAt, usableUntil);
}

export function removalOrder(
  strategy: RemovalStrategy,
): (a: LotCandidate, b: LotCandidate) => number {
  const byReceipt = (a: LotCandidate, b: LotCandidate) =>
    a.receivedAt.getTime() - b.receivedAt.getTime() || a.lotId.localeCompare(b.lotId);
  if (strategy === 'fifo') return byReceipt;
  return (a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || byReceipt(a, b);
}

/**
 * @param usableUntil the latest instant the goods must still be good: the delivery / meal time,
 *   never earlier than now.
 */
export function allocate(
  sku: string,
  quantity: number,
  lots: LotCandidate[],
  strategy: RemovalStrategy,
  usableUntil: Date,
): AllocationResult {
  const allocations: Allocation[] = [];
  let missing = quantity;
  const candidates = lots
    .filter((l) => l.sku === sku && isUsable(l, usableUntil))
    .sort(removalOrder(strategy));
  for (const lot of candidates) {
    if (missing === 0) break;
    const take = Math.min(missing, lot.available);
    allocations.push({ lotId: lot.lotId, sku, quantity: take });
    missing -= take;
  }
  return { allocations, missing };
}

/** Adds up demand lines of the same sku; drops zero lines. */
export function mergeDemand(
  demand: { sku: string; quantity: number }[],
): { sku: string; quantity: number }[] {
  const totals = new Map<string, number>();
  for (const d of demand) totals.set(d.sku, (totals.get(d.sku) ?? 0) + d.quantity);
  return [...totals].filter(([, q]) => q > 0).map(([sku, quantity]) => ({ sku, quantity }));
}

/** The instant an order's goods must still be usable: its delivery/meal time, at least now. */
export function usableUntilFor(now: Date, ...times: (string | Date | undefined)[]): Date {
  const instants = times
    .filter((t): t is string | Date => t !== undefined)
    .map((t) => new Date(t).getTime());
  return new Date(Math.max(now.getTime(), ...instants));
}
