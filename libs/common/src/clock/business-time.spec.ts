import {
  addDays,
  fromShanghai,
  isoWeekOf,
  mondayOfIsoWeek,
  shanghaiDate,
  toShanghai,
} from './business-time';

describe('Asia/Shanghai business calendar', () => {
  it('maps instants to Shanghai wall-clock time (UTC+8)', () => {
    const local = toShanghai(new Date('2026-11-27T16:30:00Z'));
    expect(local).toMatchObject({
      year: 2026,
      month: 11,
      day: 28,
      hour: 0,
      minute: 30,
      weekday: 6,
    });
  });

  it('maps Shanghai wall-clock time back to UTC', () => {
    expect(fromShanghai(2026, 11, 28, 0, 0).toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });

  it('says which Shanghai day an instant falls on', () => {
    expect(shanghaiDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(shanghaiDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });

  it('names ISO weeks, also across a year end', () => {
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(mondayOfIsoWeek('2026-W48')).toBe('2026-11-23');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
