/**
 * R-INV-5: suggested purchase = 3 × average monthly usage × seasonal coefficient − stock on hand,
 * where average monthly usage is over the two calendar months (Asia/Shanghai) before this one.
 * Coefficients are whole percent per month (120 = busy season ×1.2) so the arithmetic stays integer.
 */
import { shanghaiDate } from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';

export const DEFAULT_SEASONAL_PERCENT = 100;
export const MONTHS_OF_COVER = 3;
export const USAGE_MONTHS = 2;

export type SeasonalCoefficients = Partial<Record<number, number>>; // month 1-12 → percent

export interface ReplenishmentInput {
  sku: string;
  /** Total issued in the two previous months. */
  usageLastTwoMonths: number;
  onHand: number;
  month: number;
  coefficients: SeasonalCoefficients;
}

export interface ReplenishmentSuggestion {
  sku: string;
  averageMonthlyUsage: number;
  seasonalPercent: number;
  onHand: number;
  suggestedQuantity: number;
}

export function suggestReplenishment(input: ReplenishmentInput): ReplenishmentSuggestion {
  const seasonalPercent = input.coefficients[input.month] ?? DEFAULT_SEASONAL_PERCENT;
  // ceil: a suggestion never falls a fraction of a unit short of the target.
  const target = Math.ceil(
    (MONTHS_OF_COVER * input.usageLastTwoMonths * seasonalPercent) / (USAGE_MONTHS * 100),
  );
  return {
    sku: input.sku,
    averageMonthlyUsage: input.usageLastTwoMonths / USAGE_MONTHS,
    seasonalPercent,
    onHand: input.onHand,
    suggestedQuantity: Math.max(0, target - input.onHand),
  };
}

/** The usage window: from the first day of two months ago to the first day of this month (Shanghai). */
export function usageWindow(now: Date): { from: string; to: string; month: number } {
  const [y, m] = shanghaiDate(now).split('-').map(Number);
  const back = (months: number) => {
    const total = y * 12 + (m - 1) - months;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
  };
  return { from: back(USAGE_MONTHS), to: back(0), month: m };
}

export function assertCoefficients(coefficients: Record<string, number>): SeasonalCoefficients {
  const out: SeasonalCoefficients = {};
  for (const [key, value] of Object.entries(coefficients)) {
    const month = Number(key);
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      throw new DomainError('REPLENISHMENT.INVALID_MONTH', `not a month: ${key}`, 'invalid', [
        { field: `coefficients.${key}`, reason: 'month must be 1-12' },
      ]);
    }
    if (!Number.isInteger(value) || value < 0 || value > 1000) {
      throw new DomainError(
        'REPLENISHMENT.INVALID_COEFFICIENT',
        `bad coefficient for month ${key}`,
        'invalid',
        [{ field: `coefficients.${key}`, reason: 'whole percent between 0 and 1000' }],
      );
    }
    out[month] = value;
  }
  return out;
}
