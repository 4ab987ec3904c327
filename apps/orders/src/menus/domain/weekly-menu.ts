/**
 * A weekly central-kitchen menu (R-MENU-1, R-MENU-2): dishes with a price per portion and a recipe,
 * offered per day and meal. A published version is never edited (R-MENU-4).
 */
import { addDays, mondayOfIsoWeek } from '@app/common/clock/business-time';
import { DomainError, type FieldProblem } from '@app/common/errors/domain-error';
import type { Meal } from '@app/common/messaging/contracts/constants';
import { STANDARD_MEAL_WINDOWS } from './meal-windows';

/** A later published version supersedes an earlier one; the latest published is current. */
export type MenuStatus = 'draft' | 'published';

export interface RecipeLine {
  sku: string;
  /** Base units (g, ml, piece) of the ingredient per portion. */
  quantityPerPortion: number;
}

export interface Dish {
  dishId: string;
  name: string;
  pricePerPortionFen: number;
  recipe: RecipeLine[];
}

/** A dish served on a day (`YYYY-MM-DD`, Asia/Shanghai) at a meal. */
export interface Offering {
  date: string;
  meal: Meal;
  dishId: string;
}

export interface MenuContent {
  dishes: Dish[];
  offerings: Offering[];
}

// Derived from the meal windows so that a meal without a window cannot exist; a value import of
// the contracts would drag class-validator decorators into pure domain code.
const MEALS = Object.keys(STANDARD_MEAL_WINDOWS) as Meal[];

export interface WeeklyMenu extends MenuContent {
  menuId: string;
  /** ISO week, e.g. `2026-W50` */
  week: string;
  version: number;
  status: MenuStatus;
  publishedAt?: Date;
  /** Set on a version the ops-manager published after the deadline (R-MENU-1). */
  late?: LatePublication;
}

export interface LatePublication {
  reason: string;
  by: string;
  at: Date;
  /** Start of the first meal this version serves. */
  effectiveFrom: Date;
  /** Offerings of the draft left out because their meal starts too soon to be cooked. */
  dropped: Offering[];
}

/** The seven Shanghai calendar days (`YYYY-MM-DD`) of an ISO week. */
export function daysOfWeek(week: string): string[] {
  const monday = mondayOfIsoWeek(week);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** R-MENU-2: every dish has a priced recipe and every offering names a dish of the menu, in its week. */
export function validateMenuContent(
  week: string,
  content: MenuContent,
  knownSkus: ReadonlySet<string>,
): void {
  const problems: FieldProblem[] = [];
  const days = new Set(daysOfWeek(week));
  const dishIds = new Set<string>();
  content.dishes.forEach((dish, i) => {
    const at = `dishes[${i}]`;
    if (dishIds.has(dish.dishId))
      problems.push({ field: `${at}.dishId`, reason: 'duplicate dish id' });
    dishIds.add(dish.dishId);
    if (!Number.isSafeInteger(dish.pricePerPortionFen) || dish.pricePerPortionFen < 0)
      problems.push({ field: `${at}.pricePerPortion`, reason: 'must be a non-negative amount' });
    if (dish.recipe.length === 0)
      problems.push({ field: `${at}.recipe`, reason: 'a dish needs at least one ingredient' });
    const skus = new Set<string>();
    dish.recipe.forEach((line, j) => {
      const lineAt = `${at}.recipe[${j}]`;
      if (skus.has(line.sku)) problems.push({ field: `${lineAt}.sku`, reason: 'listed twice' });
      skus.add(line.sku);
      if (!knownSkus.has(line.sku))
        problems.push({ field: `${lineAt}.sku`, reason: `unknown ingredient ${line.sku}` });
      if (!Number.isSafeInteger(line.quantityPerPortion) || line.quantityPerPortion < 1)
        problems.push({
          field: `${lineAt}.quantityPerPortion`,
          reason: 'must be a positive integer',
        });
    });
  });
  const offered = new Set<string>();
  content.offerings.forEach((offering, i) => {
    const at = `offerings[${i}]`;
    if (!days.has(offering.date))
      problems.push({ field: `${at}.date`, reason: `not a day of week ${week}` });
    if (!MEALS.includes(offering.meal))
      problems.push({ field: `${at}.meal`, reason: `must be one of ${MEALS.join(', ')}` });
    if (!dishIds.has(offering.dishId))
      problems.push({ field: `${at}.dishId`, reason: 'not a dish of this menu' });
    const key = `${offering.date}|${offering.meal}|${offering.dishId}`;
    if (offered.has(key)) problems.push({ field: at, reason: 'offered twice' });
    offered.add(key);
  });
  if (problems.length > 0) {
    throw new DomainError('MENU.INVALID', 'the menu has invalid entries', 'invalid', problems);
  }
}

/** R-MENU-2: the dish, if the menu offers it on that day and meal. */
export function findOfferedDish(
  menu: MenuContent,
  date: string,
  meal: Meal,
  dishId: string,
): Dish | undefined {
  const offered = menu.offerings.some(
    (o) => o.date === date && o.meal === meal && o.dishId === dishId,
  );
  return offered ? menu.dishes.find((d) => d.dishId === dishId) : undefined;
}

/** Ingredient SKUs the menu's recipes use, sorted: what next week's price survey must cover. */
export function ingredientSkusOf(menu: MenuContent): string[] {
  return [...new Set(menu.dishes.flatMap((d) => d.recipe.map((r) => r.sku)))].sort();
}
