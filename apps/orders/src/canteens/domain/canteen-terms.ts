/**
 * A canteen's contract terms that orders depend on: approved meal-time exceptions (R-MENU-3) and
 * the markup on raw ingredients.
 */
import { DomainError } from '@app/common/errors/domain-error';
import type { Meal } from '@app/common/messaging/contracts/constants';
import type { MealWindowException, WallClockWindow } from '../../menus/domain/meal-windows';

/** Markup is a contract percentage in basis points: 0 % … 100 %. */
export const MAX_MARKUP_BP = 10_000;

export function assertMarkup(markupBp: number): void {
  if (!Number.isSafeInteger(markupBp) || markupBp < 0 || markupBp > MAX_MARKUP_BP) {
    throw new DomainError(
      'CANTEEN.INVALID_MARKUP',
      `markup must be 0 … ${MAX_MARKUP_BP} basis points`,
      'invalid',
      [{ field: 'markupBp', reason: `must be an integer between 0 and ${MAX_MARKUP_BP}` }],
    );
  }
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

export interface ApprovedMealWindow extends MealWindowException {
  approvedBy: string;
  approvedAt: Date;
}

/**
 * R-MENU-3: an exception exists only with an ops-manager's approval, so approving one is the only
 * way in; approving another window for the same meal replaces it.
 */
export function approveMealWindow(
  current: readonly ApprovedMealWindow[],
  meal: Meal,
  window: WallClockWindow,
  approvedBy: string,
  approvedAt: Date,
): ApprovedMealWindow[] {
  if (minutes(window.to) < minutes(window.from)) {
    throw new DomainError(
      'CANTEEN.INVALID_MEAL_WINDOW',
      'a meal window cannot end before it starts',
      'invalid',
      [{ field: 'window.to', reason: 'before window.from' }],
    );
  }
  return [...current.filter((w) => w.meal !== meal), { meal, window, approvedBy, approvedAt }];
}

/** Withdrawing an exception brings the meal back to the standard window. */
export function withdrawMealWindow(
  current: readonly ApprovedMealWindow[],
  meal: Meal,
): ApprovedMealWindow[] {
  return current.filter((w) => w.meal !== meal);
}
