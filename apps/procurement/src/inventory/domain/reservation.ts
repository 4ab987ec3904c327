/**
 * An order's reservation (R-ORD-2, R-ORD-4, R-INV-3): confirmed with lots, or backordered with
 * the missing quantities; released on cancellation; issued on delivery. Order facts carry a
 * revision so that a redelivered or out-of-date event never reserves twice.
 */
import { DomainError } from '@app/common/errors/domain-error';
import { Allocation } from './lot-allocation';

export type ReservationStatus = 'confirmed' | 'backordered' | 'released' | 'issued';

export interface Reservation {
  orderId: string;
  revision: number;
  placedAt: Date;
  usableUntil: Date;
  demand: { sku: string; quantity: number }[];
  status: ReservationStatus;
  allocations: Allocation[];
  missing: { sku: string; quantity: number }[];
}

export type OrderFactsAction = 'reserve' | 're-reserve' | 'ignore';

/** What to do with order facts (placed / changed) at `revision`. */
export function actionForOrderFacts(
  /** `pending`: a first reservation is under way (or crashed) and will be redone. */
  existing: { revision: number; status: ReservationStatus | 'pending' } | undefined,
  revision: number,
): OrderFactsAction {
  if (!existing) return 'reserve';
  if (revision <= existing.revision) return 'ignore';
  if (existing.status === 'issued' || existing.status === 'released') return 'ignore';
  return 're-reserve';
}

export function assertReleasable(reservation: Pick<Reservation, 'status' | 'orderId'>): void {
  if (reservation.status === 'issued') {
    throw new DomainError(
      'RESERVATION.ALREADY_ISSUED',
      `goods of order ${reservation.orderId} already left the warehouse`,
      'conflict',
    );
  }
}

/** Only confirmed reservations are issued; anything else has nothing in stock to issue. */
export function isIssuable(reservation: Pick<Reservation, 'status'>): boolean {
  return reservation.status === 'confirmed';
}

/** Backorders are retried oldest order first (R-INV-3, in order of placement). */
export function backorderRetryOrder<T extends Pick<Reservation, 'placedAt' | 'orderId'>>(
  backorders: T[],
): T[] {
  return [...backorders].sort(
    (a, b) => a.placedAt.getTime() - b.placedAt.getTime() || a.orderId.localeCompare(b.orderId),
  );
}

/** Shortage view: the backordered demand per ingredient procurement has to buy. */
export function shortageBySku(
  reservations: Pick<Reservation, 'status' | 'missing' | 'orderId'>[],
): { sku: string; quantity: number; orders: number }[] {
  const totals = new Map<string, { quantity: number; orders: number }>();
  for (const r of reservations.filter((x) => x.status === 'backordered')) {
    for (const m of r.missing) {
      const t = totals.get(m.sku) ?? { quantity: 0, orders: 0 };
      totals.set(m.sku, { quantity: t.quantity + m.quantity, orders: t.orders + 1 });
    }
  }
  return [...totals].map(([sku, t]) => ({ sku, ...t })).sort((a, b) => a.sku.localeCompare(b.sku));
}
