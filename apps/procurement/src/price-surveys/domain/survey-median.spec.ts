import { medianPerBaseUnit, mediansBySku } from './survey-median';

describe('survey median', () => {
  it('R-PROC-4: the median compares prices per base unit whatever unit they were quoted in', () => {
    expect(
      medianPerBaseUnit([
        { priceFen: 3000, priceUnitQuantity: 1000 },
        { priceFen: 1400, priceUnitQuantity: 500 },
        { priceFen: 2600, priceUnitQuantity: 1000 },
      ]),
    ).toBeCloseTo(2.8);
  });

  it('R-PROC-4: an even count takes the mean of the two middle prices', () => {
    expect(
      mediansBySku([
        { sku: 'A', priceFen: 100, priceUnitQuantity: 1 },
        { sku: 'A', priceFen: 300, priceUnitQuantity: 1 },
        { sku: 'A', priceFen: 200, priceUnitQuantity: 1 },
        { sku: 'A', priceFen: 900, priceUnitQuantity: 1 },
      ]).get('A'),
    ).toBe(250);
  });
});
