/**
 * R-INV-3: reserve an order's whole demand or nothing, with only single-lot atomic steps.
 * Each take is a conditional decrement of one lot (it fails when another order got there
 * first); on failure that ingredient's lots are read again and its plan redone. If any ingredient cannot be covered,
 * everything taken so far is given back and the order is backordered with what is missing —
 * a backordered order holds no stock, so it never starves an order that could be confirmed.
 */
import { RemovalStrategy } from '../../ingredients/domain/ingredient';
import {
  allocate,
  Allocation,
  AllocationResult,
  LotCandidate,
  mergeDemand,
} from './lot-allocation';

export interface LotPort {
  /**
   * Fresh read of the sku's lots that may be reserved, in removal order: at least enough to
   * cover `quantity` when the sku has it (more lots may follow that the plan does not need).
   */
  candidates(sku: string, quantity: number): Promise<LotCandidate[]>;
  /**
   * Atomically takes each allocation's quantity from its lot if the lot still has it available;
   * the answer says, per allocation, whether it was taken. One call may cover many lots.
   */
  take(takes: { allocation: Allocation; step: number }[]): Promise<boolean[]>;
  /** Gives a taken quantity back (compensation). */
  giveBack(allocation: Allocation, step: number): Promise<void>;
}

export type ReservationOutcome =
  | { status: 'confirmed'; allocations: Allocation[] }
  | { status: 'backordered'; missing: { sku: string; quantity: number }[] };

/** Each failed take means another order progressed, so a bound this size only trips on a bug. */
const MAX_ROUNDS = 1000;

interface SkuProgress {
  sku: string;
  remaining: number;
  plan: AllocationResult;
}

/**
 * The ingredients are planned together and taken together (one `take` per round for all their
 * lots), so an order costs the round trips of one ingredient, not of each in a row. When the
 * first reading already shows a shortage, nothing is taken at all.
 */
export async function reserveAllOrNothing(
  demand: { sku: string; quantity: number }[],
  strategyOf: (sku: string) => RemovalStrategy,
  usableUntil: Date,
  lots: LotPort,
): Promise<ReservationOutcome> {
  const wanted = mergeDemand(demand);
  const read = async (sku: string, quantity: number) =>
    allocate(sku, quantity, await lots.candidates(sku, quantity), strategyOf(sku), usableUntil);
  const progress: SkuProgress[] = await Promise.all(
    wanted.map(async ({ sku, quantity }) => ({
      sku,
      remaining: quantity,
      plan: await read(sku, quantity),
    })),
  );
  const short = progress
    .filter((p) => p.plan.missing > 0)
    .map((p) => ({ sku: p.sku, quantity: p.plan.missing }));
  if (short.length > 0) return { status: 'backordered', missing: short };

  const taken: Allocation[] = [];
  let step = 0;
  let open = progress;
  for (let round = 0; open.length > 0 && round < MAX_ROUNDS; round++) {
    const takes = open.flatMap((p) =>
      p.plan.allocations.map((allocation) => ({ p, allocation, step: step++ })),
    );
    const results = await lots.take(takes.map(({ allocation, step }) => ({ allocation, step })));
    const conflicted = new Set<SkuProgress>();
    takes.forEach(({ p, allocation }, i) => {
      if (!results[i]) {
        conflicted.add(p);
        return;
      }
      taken.push(allocation);
      p.remaining -= allocation.quantity;
    });
    // An ingredient whose plan went through is done (short by what its plan could not cover);
    // one that lost a lot to another order is read again and planned anew.
    open = [...conflicted].filter((p) => p.remaining > 0);
    await Promise.all(
      open.map(async (p) => {
        p.plan = await read(p.sku, p.remaining);
      }),
    );
    open = open.filter((p) => p.plan.allocations.length > 0);
  }
  const missing = progress
    .filter((p) => p.remaining > 0)
    .map((p) => ({ sku: p.sku, quantity: p.remaining }));
  if (missing.length === 0)
    return { status: 'confirmed', allocations: compact(orderOf(wanted, taken)) };
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
