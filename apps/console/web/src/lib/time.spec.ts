import {
  addDays,
  countdown,
  formatShanghai,
  isoWeekOf,
  mondayOf,
  nextWeek,
  pickedShanghaiToIso,
  shanghaiDate,
  shanghaiToIso,
  weekDates,
} from './time';

describe('console times (Asia/Shanghai)', () => {
  it('shows instants on the Shanghai clock, whatever the machine zone', () => {
    expect(formatShanghai('2026-12-07T02:00:00.000Z')).toBe('2026-12-07 10:00');
    expect(formatShanghai('2026-12-06T16:30:05Z', true)).toBe('2026-12-07 00:30:05');
    expect(formatShanghai(undefined)).toBe('—');
    expect(shanghaiDate(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
  });

  it('turns a Shanghai wall time into UTC', () => {
    expect(pickedShanghaiToIso({ format: (f) => (f === 'HH:mm' ? '10:00' : '2026-12-14') })).toBe(
      '2026-12-14T02:00:00.000Z',
    );
    expect(shanghaiToIso('2026-12-07', '10:00')).toBe('2026-12-07T02:00:00.000Z');
    expect(shanghaiToIso('2026-12-07')).toBe('2026-12-06T16:00:00.000Z');
  });

  it('R-MENU-1: knows ISO weeks, their Mondays and next week', () => {
    expect(isoWeekOf('2026-12-07')).toBe('2026-W50');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(mondayOf('2026-W50')).toBe('2026-12-07');
    expect(weekDates('2026-W50')).toHaveLength(7);
    expect(weekDates('2026-W50')[6]).toBe('2026-12-13');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    // Sunday 23:30 Shanghai is still in W49: next week is W50
    expect(nextWeek(new Date('2026-12-06T15:30:00Z'))).toBe('2026-W50');
  });

  it('counts down to a deadline and says when it is overdue', () => {
    const now = new Date('2026-12-04T00:00:00Z');
    expect(countdown('2026-12-05T03:30:00Z', now)).toEqual({
      overdue: false,
      days: 1,
      hours: 3,
      minutes: 30,
    });
    expect(countdown('2026-12-03T23:00:00Z', now)).toMatchObject({ overdue: true, hours: 1 });
  });
});
