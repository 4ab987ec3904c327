/**
 * R-PROC-4: the cost-accountant compares each quoted price with the approved survey's median.
 * More than the tolerance above the median (default 10 %) is flagged; so is an ingredient the
 * survey has no price for. A flagged line needs a written justification before approval.
 */
import { perBaseUnit, UnitPrice } from '../../shared/domain/unit-price';

export const DEFAULT_TOLERANCE_PERCENT = 10;

export interface LineVerification {
  sku: string;
  /** Survey median in fen per base unit; absent when the survey has no price for the sku. */
  medianPerBaseUnit?: number;
  /** How far above (+) or below (−) the median, in percent to one decimal. */
  deviationPercent?: number;
  flagged: boolean;
  justification?: string;
}

export function verifyLine(
  line: UnitPrice & { sku: string },
  medians: Map<string, number>,
  tolerancePercent: number = DEFAULT_TOLERANCE_PERCENT,
): LineVerification {
  const median = medians.get(line.sku);
  if (median === undefined) return { sku: line.sku, flagged: true };
  const quoted = perBaseUnit(line);
  // Compare unrounded, with a relative epsilon only to absorb float noise: exactly 10 % over passes.
  const limit = median * (1 + tolerancePercent / 100);
  const flagged = quoted - limit > limit * 1e-9;
  if (median === 0) return { sku: line.sku, medianPerBaseUnit: 0, flagged };
  const deviationPercent = Math.round(((quoted - median) / median) * 1000) / 10;
  return { sku: line.sku, medianPerBaseUnit: median, deviationPercent, flagged };
}
