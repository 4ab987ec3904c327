/**
 * A purchase price is fen per `priceUnitQuantity` base units (e.g. 1200 fen per 1000 g).
 * Comparisons cross-multiply so that no float ever decides whether two prices are equal.
 */
import { DomainError } from '@app/common/errors/domain-error';
import { Fen, mulFen } from '@app/common/money/money';

export interface UnitPrice {
  priceFen: Fen;
  priceUnitQuantity: number;
}

export function assertUnitPrice(price: UnitPrice, field: string): void {
  if (!Number.isSafeInteger(price.priceFen) || price.priceFen < 0) {
    throw new DomainError(
      'PROCUREMENT.INVALID_PRICE',
      `${field}: price must be non-negative fen`,
      'invalid',
      [{ field: `${field}.price`, reason: 'must be a non-negative amount' }],
    );
  }
  if (!Number.isSafeInteger(price.priceUnitQuantity) || price.priceUnitQuantity < 1) {
    throw new DomainError(
      'PROCUREMENT.INVALID_PRICE',
      `${field}: price unit must be ≥ 1`,
      'invalid',
      [{ field: `${field}.priceUnitQuantity`, reason: 'must be a positive integer' }],
    );
  }
}

/** -1, 0, 1 as a is cheaper, equal, dearer than b per base unit. */
export function compareUnitPrices(a: UnitPrice, b: UnitPrice): number {
  const left = a.priceFen * b.priceUnitQuantity;
  const right = b.priceFen * a.priceUnitQuantity;
  return left === right ? 0 : left < right ? -1 : 1;
}

/** Fen per base unit as a number — only for medians and ratios, never for stored money. */
export function perBaseUnit(price: UnitPrice): number {
  return price.priceFen / price.priceUnitQuantity;
}

/** What `quantity` base units cost, rounded half up to the fen. */
export function amountFor(price: UnitPrice, quantity: number): Fen {
  return mulFen(price.priceFen, quantity, price.priceUnitQuantity);
}
