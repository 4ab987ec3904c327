/** R-PROC-4: the survey's median price per base unit of each ingredient. */
import { perBaseUnit, UnitPrice } from '../../shared/domain/unit-price';

export function medianPerBaseUnit(prices: UnitPrice[]): number | undefined {
  if (prices.length === 0) return undefined;
  const sorted = prices.map(perBaseUnit).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mediansBySku(observations: (UnitPrice & { sku: string })[]): Map<string, number> {
  const bySku = new Map<string, UnitPrice[]>();
  for (const o of observations) bySku.set(o.sku, [...(bySku.get(o.sku) ?? []), o]);
  const medians = new Map<string, number>();
  for (const [sku, prices] of bySku) medians.set(sku, medianPerBaseUnit(prices)!);
  return medians;
}
