/** Stock views: the order lots leave in (R-INV-2) and which need attention. */

export interface LotLike {
  lotId: string;
  sku: string;
  receivedAt: string;
  expiresAt: string;
  available: number;
  status: string;
}

/**
 * Lots in the order they are issued: per ingredient, oldest received first (FIFO) or, for a FEFO
 * ingredient, earliest expiry first; ties by lot id. Returns each lot with its place (1, 2, …).
 */
export function issueOrder<T extends LotLike>(
  lots: readonly T[],
  fefoSkus: ReadonlySet<string>,
): (T & { place: number })[] {
  const key = (l: T) => (fefoSkus.has(l.sku) ? l.expiresAt : l.receivedAt);
  const sorted = [...lots].sort(
    (a, b) =>
      a.sku.localeCompare(b.sku) ||
      key(a).localeCompare(key(b)) ||
      a.receivedAt.localeCompare(b.receivedAt) ||
      a.lotId.localeCompare(b.lotId),
  );
  const places = new Map<string, number>();
  return sorted.map((lot) => {
    const usable = lot.status === 'available' || lot.status === 'active';
    const place = usable ? (places.get(lot.sku) ?? 0) + 1 : 0;
    if (usable) places.set(lot.sku, place);
    return { ...lot, place };
  });
}

/** 'expired' past expiry, 'expiring' within `warnDays`, else 'ok'. */
export function expiryWarning(
  expiresAt: string,
  now: Date,
  warnDays = 2,
): 'expired' | 'expiring' | 'ok' {
  const left = new Date(expiresAt).getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= warnDays * 86_400_000 ? 'expiring' : 'ok';
}

/** The survey median (fen per base unit) for a quantity of base units, in whole fen. */
export function medianForUnit(
  medianPerBaseUnit: number | undefined,
  unitQuantity: number,
): number | undefined {
  return medianPerBaseUnit === undefined ? undefined : Math.round(medianPerBaseUnit * unitQuantity);
}
