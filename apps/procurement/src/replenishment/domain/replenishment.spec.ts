import { fromShanghai } from '@app/common/clock/business-time';
import {
  assertCoefficients,
  ReplenishmentInput,
  suggestReplenishment,
  usageWindow,
} from './replenishment';

function anInput(overrides: Partial<ReplenishmentInput> = {}): ReplenishmentInput {
  return {
    sku: 'RICE',
    usageLastTwoMonths: 200_000,
    onHand: 50_000,
    month: 7,
    coefficients: {},
    ...overrides,
  };
}

describe('replenishment', () => {
  it('R-INV-5: suggestion = 3 × average monthly usage × seasonal coefficient − on hand', () => {
    // average 100 kg/month, busy July ×1.2: 3 × 100 × 1.2 − 50 = 310 kg
    expect(suggestReplenishment(anInput({ coefficients: { 7: 120 } }))).toMatchObject({
      averageMonthlyUsage: 100_000,
      seasonalPercent: 120,
      suggestedQuantity: 310_000,
    });
  });

  it('R-INV-5: the coefficient defaults to 1 for months without one', () => {
    expect(suggestReplenishment(anInput({ coefficients: { 8: 150 } })).suggestedQuantity).toBe(
      250_000,
    );
  });

  it('R-INV-5: enough stock on hand suggests nothing, never a negative quantity', () => {
    expect(suggestReplenishment(anInput({ onHand: 900_000 })).suggestedQuantity).toBe(0);
  });

  it('R-INV-5: fractions round up to a whole base unit', () => {
    expect(
      suggestReplenishment(anInput({ usageLastTwoMonths: 1, onHand: 0, coefficients: { 7: 110 } }))
        .suggestedQuantity,
    ).toBe(2);
  });

  it('R-INV-5: usage is counted over the two Shanghai calendar months before this one', () => {
    expect(usageWindow(fromShanghai(2026, 1, 1, 0, 30))).toEqual({
      from: '2025-11-01',
      to: '2026-01-01',
      month: 1,
    });
    expect(usageWindow(new Date('2026-02-28T16:30:00Z'))).toEqual({
      from: '2026-01-01',
      to: '2026-03-01',
      month: 3,
    });
  });

  it('R-INV-5: coefficients are whole percent for months 1-12', () => {
    expect(assertCoefficients({ '1': 80, '12': 130 })).toEqual({ 1: 80, 12: 130 });
    expect(() => assertCoefficients({ '13': 100 })).toThrow(
      expect.objectContaining({ code: 'REPLENISHMENT.INVALID_MONTH' }),
    );
    expect(() => assertCoefficients({ '2': 1.5 })).toThrow(
      expect.objectContaining({ code: 'REPLENISHMENT.INVALID_COEFFICIENT' }),
    );
  });
});
