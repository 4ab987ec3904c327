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

/** Steps of one ingredient's takes: each ingredient numbers its own, so they never collide. */
const STEPS_PER_SKU = 1_000_000;

/**
 * The ingredients are planned together and taken side by side (they touch different lots), so
 * an order costs the round trips of its slowest ingredient, not of all of them in a row. When
 * the first reading already shows a shortage, nothing is taken at all.
 */
export async function reserveAllOrNothing(
  demand: { sku: string; quantity: number }[],
  strategyOf: (sku: string) => RemovalStrategy,
  usableUntil: Date,
  lots: LotPort,
): Promise<ReservationOutcome> {
  const wanted = mergeDemand(demand);
  const plan = (sku: string, quantity: number, found: LotCandidate[]) =>
    allocate(sku, quantity, found, strategyOf(sku), usableUntil);
  const firstReading = await Promise.all(
    wanted.map(async ({ sku, quantity }) =>
      plan(sku, quantity, await lots.candidates(sku, quantity)),
    ),
  );
  const short = wanted
    .map(({ sku }, i) => ({ sku, quantity: firstReading[i].missing }))
    .filter((m) => m.quantity > 0);
  if (short.length > 0) return { status: 'backordered', missing: short };

  const taken: Allocation[] = [];
  const takeSku = async ({ sku, quantity }: { sku: string; quantity: number }, i: number) => {
    let step = i * STEPS_PER_SKU;
    let remaining = quantity;
    let next = firstReading[i];
    for (let round = 0; remaining > 0 && round < MAX_ROUNDS_PER_SKU; round++) {
      if (round > 0) next = plan(sku, remaining, await lots.candidates(sku, remaining));
      if (next.allocations.length === 0) break;
      let conflict = false;
      for (const allocation of next.allocations) {
        if (await lots.take(allocation, step++)) {
          taken.push(allocation);
          remaining -= allocation.quantity;
        } else {
          conflict = true;
          break;
        }
      }
      if (!conflict && next.missing > 0) break;
    }
    return { sku, quantity: remaining };
  };
  const missing = (await Promise.all(wanted.map(takeSku))).filter((m) => m.quantity > 0);
  if (missing.length === 0)
    return { status: 'confirmed', allocations: compact(orderOf(wanted, taken)) };
  let step = wanted.length * STEPS_PER_SKU;
  for (const allocation of taken) await lots.giveBack(allocation, step++);
  return { status: 'backordered', missing };
}

/** The allocations in the order of the demand, whichever ingredient finished first. */
function orderOf(wanted: { sku: string }[], taken: Allocation[]): Allocation[] {
  return wanted.flatMap(({ sku }) => taken.filter((a) => a.sku === sku));
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
