/** Times are stored in UTC and shown on the business calendar, Asia/Shanghai (UTC+8, no DST). */

export const BUSINESS_TZ = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function fields(date: Date): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "2026-12-07 10:00" in Shanghai; "—" for nothing. */
export function formatShanghai(value: string | Date | null | undefined, seconds = false): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const f = fields(date);
  return `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}${seconds ? `:${f.second}` : ''}`;
}

/** The Shanghai calendar date of an instant: "2026-12-07". */
export function shanghaiDate(date: Date): string {
  const f = fields(date);
  return `${f.year}-${f.month}-${f.day}`;
}

/** A Shanghai wall-clock date and time as a UTC ISO string: ("2026-12-07", "10:00") → "…T02:00:00.000Z". */
export function shanghaiToIso(date: string, time = '00:00'): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - OFFSET_MS).toISOString();
}

/** Shanghai date plus n days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO week ("2026-W50") of a Shanghai date. */
export function isoWeekOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the week's Thursday decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week as a Shanghai date. */
export function mondayOf(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY_MS;
  return new Date(monday1 + (Number(m[2]) - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** The seven Shanghai dates, Monday to Sunday, of an ISO week. */
export function weekDates(week: string): string[] {
  const monday = mondayOf(week);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The week after the one containing `now` (Shanghai), shifted by `offset` weeks. */
export function nextWeek(now: Date, offset = 1): string {
  return isoWeekOf(addDays(shanghaiDate(now), 7 * offset));
}

/** Time left until `target`: parts for a countdown, negative when passed. */
export function countdown(
  target: string | Date,
  now: Date,
): {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
} {
  const ms = new Date(target).getTime() - now.getTime();
  const abs = Math.abs(ms);
  return {
    overdue: ms < 0,
    days: Math.floor(abs / DAY_MS),
    hours: Math.floor((abs % DAY_MS) / 3600_000),
    minutes: Math.floor((abs % 3600_000) / 60_000),
  };
}

/**
 * A wall-clock value picked in a date picker, read as Shanghai time whatever the browser's zone:
 * the people at the desks mean the business calendar's clock.
 */
export function pickedShanghaiToIso(picked: { format(template: string): string }): string {
  return shanghaiToIso(picked.format('YYYY-MM-DD'), picked.format('HH:mm'));
}
