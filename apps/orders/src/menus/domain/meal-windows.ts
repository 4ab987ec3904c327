/**
 * Meal windows (R-MENU-3): cooked food must arrive before its meal starts. A canteen keeps the
 * standard windows unless an ops-manager approved an exception for a meal.
 */
import { fromShanghai } from '@app/common/clock/business-time';
import type { Meal } from '@app/common/messaging/contracts/constants';

export interface WallClockWindow {
  /** `HH:mm`, Asia/Shanghai */
  from: string;
  /** `HH:mm`, Asia/Shanghai; breakfast is a point in time, so from = to */
  to: string;
}

export interface MealWindowException {
  meal: Meal;
  window: WallClockWindow;
}

export const STANDARD_MEAL_WINDOWS: Readonly<Record<Meal, WallClockWindow>> = {
  breakfast: { from: '08:00', to: '08:00' },
  lunch: { from: '11:30', to: '12:30' },
  dinner: { from: '17:30', to: '18:00' },
};

/** The window that applies to a canteen's meal: its approved exception, else the standard one. */
export function mealWindowOf(
  meal: Meal,
  exceptions: readonly MealWindowException[],
): WallClockWindow {
  return exceptions.find((e) => e.meal === meal)?.window ?? STANDARD_MEAL_WINDOWS[meal];
}

/** The instant a meal starts on a Shanghai calendar day (`YYYY-MM-DD`). */
export function mealStartsAt(
  date: string,
  meal: Meal,
  exceptions: readonly MealWindowException[] = [],
): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = mealWindowOf(meal, exceptions).from.split(':').map(Number);
  return fromShanghai(year, month, day, hour, minute);
}
