/**
 * The business calendar is Asia/Shanghai (UTC+8, no daylight saving since 1991), so a fixed
 * offset is exact and keeps this free of time-zone databases and of the machine's TZ.
 */
import { DAY_MS, HOUR_MS } from './clock';

const OFFSET_MS = 8 * HOUR_MS;

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

export function toShanghai(instant: Date): LocalDateTime {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  const jsDay = shifted.getUTCDay();
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: jsDay === 0 ? 7 : jsDay,
  };
}

/** The UTC instant of a Shanghai wall-clock time. */
export function fromShanghai(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS);
}

/** `YYYY-MM-DD` of the Shanghai calendar day the instant falls in. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day (`YYYY-MM-DD`) starts. */
export function startOfShanghaiDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return fromShanghai(y, m, d);
}

/** Adds whole Shanghai calendar days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO week id (`2026-W02`) of a `YYYY-MM-DD` date. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  const thursday = new Date(d.getTime() + (4 - weekday) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday (`YYYY-MM-DD`) of an ISO week id (`2026-W02`). */
export function mondayOfIsoWeek(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new RangeError(`not an ISO week: ${week}`);
  const year = Number(match[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Weekday = jan4.getUTCDay() === 0 ? 7 : jan4.getUTCDay();
  const week1Monday = jan4.getTime() - (jan4Weekday - 1) * DAY_MS;
  return new Date(week1Monday + (Number(match[2]) - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
}

export const ISO_WEEK_PATTERN = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
