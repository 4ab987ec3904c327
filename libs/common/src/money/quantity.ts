/** Quantities are integers in an ingredient's base unit. */
export const BASE_UNITS = ['g', 'ml', 'piece'] as const;
export type BaseUnit = (typeof BASE_UNITS)[number];

export function assertQuantity(value: number, field = 'quantity'): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be a non-negative integer in the base unit, got ${value}`);
  }
}
