/**
 * An exact price as events carry it: `priceFen` per `priceUnitQuantity` base units, plus a markup
 * in basis points (e.g. 1 234 fen per 1 000 g + 7.5 %). A per-gram price is rarely a whole fen, so
 * the price is never rounded on its own: an amount is rounded half up to the fen once, at the end.
 * Every service that prices goods from an event uses this one function, so they agree to the fen.
 */
import type { Fen } from './money';

export interface ExactPrice {
  priceFen: number;
  priceUnitQuantity: number;
  markupBp: number;
}

/** `quantity` base units at `price`, half up to the fen; BigInt keeps the product exact. */
export function amountAtExactPrice(quantity: number, price: ExactPrice): Fen {
  const numerator = BigInt(quantity) * BigInt(price.priceFen) * BigInt(10_000 + price.markupBp);
  const denominator = BigInt(price.priceUnitQuantity) * 10_000n;
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/**
 * The credit for returning `quantity` more units of a line of which `alreadyReturned` were
 * credited before: the difference of the cumulative amounts. However a line is returned — at
 * once or in parts — the credits add up to exactly what the returned units were charged.
 */
export function creditAtExactPrice(
  quantity: number,
  alreadyReturned: number,
  price: ExactPrice,
): Fen {
  return (
    amountAtExactPrice(alreadyReturned + quantity, price) -
    amountAtExactPrice(alreadyReturned, price)
  );
}
