import { monthsOfQuarter, quarterOf, splitQuarterIntoMonths } from './quarterly-visit-plan';

describe('quarterly visit plan', () => {
  it('R-AS-17: a quarter splits into its three months, one visit each by default', () => {
    expect(splitQuarterIntoMonths('2026-Q2')).toEqual([
      { month: '2026-04', planned: 1 },
      { month: '2026-05', planned: 1 },
      { month: '2026-06', planned: 1 },
    ]);
  });

  it('R-AS-17: uneven visit counts put the remainder in the earlier months', () => {
    expect(splitQuarterIntoMonths('2026-Q4', 5).map((m) => m.planned)).toEqual([2, 2, 1]);
    expect(splitQuarterIntoMonths('2026-Q1', 1).map((m) => m.planned)).toEqual([1, 0, 0]);
  });

  it('R-AS-17: a malformed quarter or visit count is refused naming the field', () => {
    expect(() => monthsOfQuarter('2026-Q5')).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'quarter' })] }),
    );
    expect(() => splitQuarterIntoMonths('2026-Q1', 0)).toThrow(
      expect.objectContaining({ code: 'VISIT_PLAN.BAD_VISITS' }),
    );
  });

  it('R-AS-17: the quarter of a date', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
  });
});
