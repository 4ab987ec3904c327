import { DomainError } from '@app/common/errors/domain-error';

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** Decision: one visit a month unless the plan says otherwise. */
export const DEFAULT_VISITS_PER_QUARTER = 3;

export interface MonthlyVisits {
  /** `YYYY-MM`. */
  month: string;
  planned: number;
}

export function monthsOfQuarter(quarter: string): string[] {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) {
    throw new DomainError('VISIT_PLAN.BAD_QUARTER', `not a quarter: ${quarter}`, 'invalid', [
      { field: 'quarter', reason: 'must look like 2026-Q2' },
    ]);
  }
  const firstMonth = (Number(match[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${match[1]}-${String(firstMonth + i).padStart(2, '0')}`);
}

/**
 * R-AS-17: a canteen's quarterly visits split into its three months, as evenly as possible,
 * the earlier months taking the remainder (an early visit finds problems sooner).
 */
export function splitQuarterIntoMonths(
  quarter: string,
  visits = DEFAULT_VISITS_PER_QUARTER,
): MonthlyVisits[] {
  if (!Number.isInteger(visits) || visits < 1 || visits > 31) {
    throw new DomainError('VISIT_PLAN.BAD_VISITS', 'visits per quarter must be 1–31', 'invalid', [
      { field: 'visits', reason: 'must be an integer from 1 to 31' },
    ]);
  }
  const base = Math.floor(visits / 3);
  const remainder = visits % 3;
  return monthsOfQuarter(quarter).map((month, i) => ({
    month,
    planned: base + (i < remainder ? 1 : 0),
  }));
}

/** The quarter (`2026-Q2`) a Shanghai date (`YYYY-MM-DD`) falls in. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
