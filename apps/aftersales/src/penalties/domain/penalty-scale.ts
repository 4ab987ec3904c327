import { DomainError } from '@app/common/errors/domain-error';
import type { Fen } from '@app/common/money/money';

export const SEVERITIES = ['minor', 'moderate', 'serious', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type PenaltyScale = Record<Severity, Fen>;

/** R-AS-8: 10 / 30 / 60 / 100 元 by default. */
export const DEFAULT_PENALTY_SCALE: PenaltyScale = {
  minor: 1_000,
  moderate: 3_000,
  serious: 6_000,
  severe: 10_000,
};

/** R-AS-8: "依情节轻重罚款10-100元" — every step of the scale stays within 10–100 元. */
export const SCALE_MIN_FEN: Fen = 1_000;
export const SCALE_MAX_FEN: Fen = 10_000;

/**
 * R-AS-8: a configured scale must stay within 10–100 元 and grow with severity, otherwise a
 * "severe" case could cost less than a "minor" one.
 */
export function validatePenaltyScale(scale: PenaltyScale): PenaltyScale {
  const problems = SEVERITIES.flatMap((severity) => {
    const fen = scale[severity];
    return Number.isInteger(fen) && fen >= SCALE_MIN_FEN && fen <= SCALE_MAX_FEN
      ? []
      : [{ field: severity, reason: 'must be between 10.00 and 100.00 元' }];
  });
  for (let i = 1; i < SEVERITIES.length && problems.length === 0; i++) {
    if (scale[SEVERITIES[i]] < scale[SEVERITIES[i - 1]]) {
      problems.push({ field: SEVERITIES[i], reason: `must not be below ${SEVERITIES[i - 1]}` });
    }
  }
  if (problems.length > 0) {
    throw new DomainError(
      'PENALTY.SCALE_OUT_OF_RANGE',
      'the penalty scale is not valid',
      'invalid',
      problems,
    );
  }
  return scale;
}
