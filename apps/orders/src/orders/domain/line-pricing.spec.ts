import { aPriceQuote } from '../../testing/domain-factories';
import {
  amountFen,
  dishPrice,
  ingredientPrice,
  lowestApprovedPrices,
  unitPriceFen,
} from './line-pricing';

describe('line pricing', () => {
  it('R-ORD-1: a dish costs its menu price per portion', () => {
    expect(amountFen(40, dishPrice(1500))).toBe(60_000);
  });

  it('R-ORD-1: a raw ingredient costs the approved price per pack, pro rata, rounded once', () => {
    // 5.00 yuan per 1000 g, 1234 g → 6.17 yuan
    expect(amountFen(1234, ingredientPrice(aPriceQuote(), 0))).toBe(617);
  });

  it('R-ORD-1: the canteen contract markup is added in basis points, half up to the fen', () => {
    // 5.00 per kg + 12.5 % = 5.625 per kg; 1 kg → 5.63 yuan (half up)
    expect(amountFen(1000, ingredientPrice(aPriceQuote(), 1250))).toBe(563);
    expect(amountFen(3000, ingredientPrice(aPriceQuote(), 1250))).toBe(1688);
  });

  it('R-ORD-1: very large quantities stay exact', () => {
    const price = ingredientPrice(aPriceQuote({ priceFen: 999_999, priceUnitQuantity: 7 }), 333);
    expect(amountFen(9_000_000_000, price)).toBe(1_328_527_242_900_000);
  });

  it('R-ORD-1: with several suppliers the lowest approved price per base unit applies', () => {
    const best = lowestApprovedPrices([
      aPriceQuote({ supplierId: 'a', priceFen: 520, priceUnitQuantity: 1000 }),
      aPriceQuote({ supplierId: 'b', priceFen: 2400, priceUnitQuantity: 5000 }), // 4.80 per kg
      aPriceQuote({ supplierId: 'c', priceFen: 510, priceUnitQuantity: 1000 }),
      aPriceQuote({ sku: 'EGG', supplierId: 'a', priceFen: 80, priceUnitQuantity: 1 }),
    ]);
    expect(best.get('RICE')?.supplierId).toBe('b');
    expect(best.get('EGG')?.priceFen).toBe(80);
  });

  it('R-ORD-1: the single unit price figure is the marked-up price of one unit', () => {
    expect(
      unitPriceFen(
        ingredientPrice(aPriceQuote({ sku: 'EGG', priceFen: 80, priceUnitQuantity: 1 }), 1000),
      ),
    ).toBe(88);
  });
});
