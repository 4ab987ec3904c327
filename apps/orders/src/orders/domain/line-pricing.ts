/**
 * Line pricing: dishes at the menu's price per portion, raw ingredients at the week's approved
 * purchase price plus the canteen's contract markup (R-ORD-1). All arithmetic in integer fen.
 */
import { amountAtExactPrice, type ExactPrice } from '@app/common/money/exact-price';
import type { LinePrice } from './order';

export interface ApprovedPriceQuote {
  sku: string;
  supplierId: string;
  priceFen: number;
  priceUnitQuantity: number;
}

/**
 * Amount of `quantity` units at `price`, rounded half up to the fen once, at the end. BigInt keeps
 * quantity × price × markup exact whatever the sizes.
 */
export function amountFen(quantity: number, price: LinePrice): number {
  return amountAtExactPrice(quantity, exactPriceOf(price));
}

/** The same price in the shape events carry (R-AS-6), so consumers compute the same fen. */
export function exactPriceOf(price: LinePrice): ExactPrice {
  return {
    priceFen: price.baseFen,
    priceUnitQuantity: price.perQuantity,
    markupBp: price.markupBp,
  };
}

/** Price of one unit rounded to the fen, for event consumers that need a single figure. */
export function unitPriceFen(price: LinePrice): number {
  return amountFen(1, price);
}

export function dishPrice(pricePerPortionFen: number): LinePrice {
  return { baseFen: pricePerPortionFen, perQuantity: 1, markupBp: 0 };
}

/** Replacement goods are at the company's cost (R-AS-6). */
export const NO_CHARGE: LinePrice = { baseFen: 0, perQuantity: 1, markupBp: 0 };

/**
 * When several suppliers have an approved price for a SKU, the canteen pays on the lowest one:
 * the kitchen buys at the best approved price, and a canteen's bill must not depend on which
 * supplier's lot happens to be issued. Prices compare per base unit, exactly (cross-multiplied).
 */
export function lowestApprovedPrices(
  quotes: readonly ApprovedPriceQuote[],
): Map<string, ApprovedPriceQuote> {
  const best = new Map<string, ApprovedPriceQuote>();
  for (const quote of quotes) {
    const current = best.get(quote.sku);
    if (
      !current ||
      quote.priceFen * current.priceUnitQuantity < current.priceFen * quote.priceUnitQuantity
    ) {
      best.set(quote.sku, quote);
    }
  }
  return best;
}

export function ingredientPrice(quote: ApprovedPriceQuote, markupBp: number): LinePrice {
  return { baseFen: quote.priceFen, perQuantity: quote.priceUnitQuantity, markupBp };
}
