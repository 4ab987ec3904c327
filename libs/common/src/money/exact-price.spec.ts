import { amountAtExactPrice, creditAtExactPrice, type ExactPrice } from './exact-price';

/** Three awkward per-gram prices: none of them is a whole fen per gram. */
const LINES: { quantity: number; price: ExactPrice }[] = [
  { quantity: 333, price: { priceFen: 1_234, priceUnitQuantity: 1_000, markupBp: 750 } },
  { quantity: 1_667, price: { priceFen: 899, priceUnitQuantity: 500, markupBp: 750 } },
  { quantity: 2_501, price: { priceFen: 2_999, priceUnitQuantity: 1_000, markupBp: 750 } },
];

describe('exact prices', () => {
  it('R-AS-6: an amount is rounded half up once, not per unit', () => {
    // 333 g × 12.34 元/kg × 1.075 = 441.74 fen → 442; per-gram rounding would give 333 × 1 = 333
    expect(amountAtExactPrice(333, LINES[0].price)).toBe(442);
    expect(amountAtExactPrice(1, { priceFen: 1, priceUnitQuantity: 2, markupBp: 0 })).toBe(1);
    expect(amountAtExactPrice(0, LINES[1].price)).toBe(0);
  });

  it('R-AS-6: returning a 3-line order of awkward per-gram prices in parts credits exactly what was charged', () => {
    for (const { quantity, price } of LINES) {
      const charged = amountAtExactPrice(quantity, price);
      const parts = [1, Math.floor(quantity / 3), quantity - 1 - Math.floor(quantity / 3)];
      let returned = 0;
      let credited = 0;
      for (const part of parts) {
        credited += creditAtExactPrice(part, returned, price);
        returned += part;
      }
      expect(credited).toBe(charged);
      // Rounding each part on its own would not add up.
      const naive = parts.reduce((sum, p) => sum + amountAtExactPrice(p, price), 0);
      expect(Math.abs(naive - charged)).toBeLessThanOrEqual(2);
    }
    const naiveFirst = [1, 110, 222].reduce((s, p) => s + amountAtExactPrice(p, LINES[0].price), 0);
    expect(naiveFirst).not.toBe(amountAtExactPrice(333, LINES[0].price));
  });
});
