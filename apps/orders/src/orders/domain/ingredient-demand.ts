/**
 * What an order needs from stock (R-ORD-2): recipes × portions for dishes, plus raw ingredient lines.
 */
import type { OrderLine, SkuAmount } from './order';

export function ingredientDemandOf(lines: readonly OrderLine[]): SkuAmount[] {
  const totals = new Map<string, number>();
  const add = (sku: string, quantity: number) => totals.set(sku, (totals.get(sku) ?? 0) + quantity);
  for (const line of lines) {
    if (line.kind === 'ingredient') add(line.itemId, line.quantity);
    else for (const r of line.dish?.recipe ?? []) add(r.sku, r.quantityPerPortion * line.quantity);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sku, quantity]) => ({ sku, quantity }));
}
