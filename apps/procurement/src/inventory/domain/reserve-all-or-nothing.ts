/**
 * R-INV-3: reserve an order's whole demand or nothing, with only single-lot atomic steps.
 * `take` is a conditional decrement of one lot (it fails when another order got there first);
 * on failure the lots are read again and the plan redone. If any ingredient cannot be covered,
 * everything taken so far is given back and the order is backordered with what is missing —
 * a backordered order holds no stock, so it never starves an order that could be confirmed.
 */
import { RemovalStrategy } from '../../ingredients/domain/ingredient';
import { allocate, Allocation, LotCandidate, mergeDemand } from './lot-allocation';

export interface LotPort {
  /**
   * Fresh read of the sku's lots that may be reserved, in removal order: at least enough to
   * cover `quantity` when the sku has it (more lots may follow that the plan does not need).
   */
  candidates(sku: string, quantity: number): Promise<LotCandidate[]>;
  /** Atomically takes `quantity` from the lot if it still has it available; false otherwise. */
  take(allocation: Allocation, step: number): Promise<boolean>;
  /** Gives a taken quantity back (compensation). */
  giveBack(allocation: Allocation, step: number): Promise<void>;
}

export type ReservationOutcome =
  | { status: 'confirmed'; allocations: Allocation[] }
  | { status: 'backordered'; missing: { sku: string; quantity: number }[] };

/** Each failed take means another order progressed, so a bound this size only trips on a bug. */
const MAX_ROUNDS_PER_SKU = 1000;

export async function reserveAllOrNothing(
  demand: { sku: string; quantity: number }[],
  strategyOf: (sku: string) => RemovalStrategy,
  usableUntil: Date,
  lots: LotPort,
): Promise<ReservationOutcome> {
  const taken: Allocation[] = [];
  const missing: { sku: string; quantity: number }[] = [];
  let step = 0;
  for (const { sku, quantity } of mergeDemand(demand)) {
    if (missing.length > 0) {
      // Already short: only measure what else is missing, take nothing more.
      const short = allocate(
        sku,
        quantity,
        await lots.candidates(sku, quantity),
        strategyOf(sku),
        usableUntil,
      ).missing;
      if (short > 0) missing.push({ sku, quantity: short });
      continue;
    }
    let remaining = quantity;
    for (let round = 0; remaining > 0 && round < MAX_ROUNDS_PER_SKU; round++) {
      const plan = allocate(
        sku,
        remaining,
        await lots.candidates(sku, remaining),
        strategyOf(sku),
        usableUntil,
      );
      if (plan.allocations.length === 0) break;
      let conflict = false;
      for (const allocation of plan.allocations) {
        if (await lots.take(allocation, step++)) {
          taken.push(allocation);
          remaining -= allocation.quantity;
        } else {
          conflict = true;
          break;
        }
      }
      if (!conflict && plan.missing > 0) break;
    }
    if (remaining > 0) missing.push({ sku, quantity: remaining });
  }
  if (missing.length === 0) return { status: 'confirmed', allocations: compact(taken) };
  for (const allocation of taken) await lots.giveBack(allocation, step++);
  return { status: 'backordered', missing };
}

/** One allocation per lot, in the order first taken. */
export function compact(allocations: Allocation[]): Allocation[] {
  const byLot = new Map<string, Allocation>();
  for (const a of allocations) {
    const seen = byLot.get(a.lotId);
    byLot.set(a.lotId, seen ? { ...seen, quantity: seen.quantity + a.quantity } : { ...a });
  }
  return [...byLot.values()];
}
