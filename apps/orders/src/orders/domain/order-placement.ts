/**
 * Validating and pricing what a canteen asks for (R-ORD-1, R-ORD-3, R-MENU-2, R-MENU-3). Used both
 * to place a new order and to change an existing one, so both follow the same rules.
 */
import { isoWeekOf, shanghaiDate } from '@app/common/clock/business-time';
import { DomainError, type FieldProblem } from '@app/common/errors/domain-error';
import type { Meal } from '@app/common/messaging/contracts/constants';
import { mealStartsAt, type MealWindowException } from '../../menus/domain/meal-windows';
import { findOfferedDish, type WeeklyMenu } from '../../menus/domain/weekly-menu';
import { ingredientDemandOf } from './ingredient-demand';
import { amountFen, dishPrice, ingredientPrice, type ApprovedPriceQuote } from './line-pricing';
import type { OrderLine, SkuAmount } from './order';

export interface DishRequest {
  dishId: string;
  /** Shanghai calendar day the dish is served, `YYYY-MM-DD`. */
  date: string;
  meal: Meal;
  portions: number;
  notes?: string;
}

export interface IngredientRequest {
  sku: string;
  quantity: number;
  notes?: string;
}

export interface OrderRequest {
  dishes: DishRequest[];
  ingredients: IngredientRequest[];
  /** Delivery time the canteen asks for; none = as soon as possible (R-DEL-2). */
  requestedTime?: Date;
  /** R-ORD-3: an urgent add-on names the time it is needed by. */
  urgent: boolean;
  needBy?: Date;
}

export interface KnownIngredient {
  name: string;
  unit: string;
}

export interface OrderingCanteen {
  canteenId: string;
  active: boolean;
  markupBp: number;
  mealWindows: readonly MealWindowException[];
}

export interface PlacementContext {
  now: Date;
  canteen: OrderingCanteen;
  /** The menu version each dish line is ordered against, by ISO week (R-MENU-4). */
  menusByWeek: ReadonlyMap<string, WeeklyMenu>;
  ingredients: ReadonlyMap<string, KnownIngredient>;
  /** Lowest approved prices of the pricing week, by SKU. */
  approvedPrices: ReadonlyMap<string, ApprovedPriceQuote>;
}

export interface PricedOrder {
  lines: OrderLine[];
  ingredientDemand: SkuAmount[];
  mealStartsAt?: Date;
  totalFen: number;
  requestedTime?: Date;
  needBy?: Date;
  urgent: boolean;
}

/** The time the goods must be there by: need-by for an urgent add-on, else the requested time. */
export function deliveryTimeOf(
  request: Pick<OrderRequest, 'requestedTime' | 'needBy'>,
): Date | undefined {
  return request.needBy ?? request.requestedTime;
}

/** Raw ingredients are priced at the approved prices of the week the goods are delivered in. */
export function pricingWeekOf(
  request: Pick<OrderRequest, 'requestedTime' | 'needBy'>,
  now: Date,
): string {
  return isoWeekOf(shanghaiDate(deliveryTimeOf(request) ?? now));
}

/** Weeks whose published menu the dish lines need. */
export function menuWeeksOf(request: Pick<OrderRequest, 'dishes'>): string[] {
  return [...new Set(request.dishes.map((d) => isoWeekOf(d.date)))];
}

class Problems {
  readonly list: (FieldProblem & { code: string })[] = [];
  add(code: string, field: string, reason: string): void {
    this.list.push({ code, field, reason });
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const [first] = this.list;
    const kind = this.list.every((p) => p.code === 'ORDER.INVALID') ? 'invalid' : 'unprocessable';
    throw new DomainError(
      first.code,
      this.list.map((p) => `${p.field}: ${p.reason}`).join('; '),
      kind,
      this.list.map(({ field, reason }) => ({ field, reason })),
    );
  }
}

const isPositiveInteger = (n: number) => Number.isSafeInteger(n) && n > 0;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function checkShape(request: OrderRequest, now: Date, problems: Problems): void {
  if (request.dishes.length + request.ingredients.length === 0)
    problems.add('ORDER.INVALID', 'dishes', 'an order needs at least one dish or ingredient');
  request.dishes.forEach((d, i) => {
    if (!isPositiveInteger(d.portions))
      problems.add('ORDER.INVALID', `dishes[${i}].portions`, 'must be a positive integer');
    if (!DATE_PATTERN.test(d.date))
      problems.add('ORDER.INVALID', `dishes[${i}].date`, 'must be a date YYYY-MM-DD');
  });
  request.ingredients.forEach((l, i) => {
    if (!isPositiveInteger(l.quantity))
      problems.add(
        'ORDER.INVALID',
        `ingredients[${i}].quantity`,
        'must be a positive integer in the base unit',
      );
  });
  if (request.urgent && !request.needBy)
    problems.add('ORDER.INVALID', 'needBy', 'an urgent add-on must say when it is needed by');
  if (!request.urgent && request.needBy)
    problems.add('ORDER.INVALID', 'needBy', 'only an urgent add-on carries a need-by time');
  if (request.requestedTime && request.requestedTime <= now)
    problems.add('ORDER.TIME_IN_PAST', 'requestedTime', 'must be in the future');
  if (request.needBy && request.needBy <= now)
    problems.add('ORDER.TIME_IN_PAST', 'needBy', 'must be in the future');
}

/**
 * Validates a request against the menus, the ingredient catalogue, the approved prices and the
 * canteen's meal windows; returns the priced lines and the stock they need. Throws one
 * DomainError naming every offending field, so the canteen can fix them all at once.
 */
export function priceOrder(request: OrderRequest, ctx: PlacementContext): PricedOrder {
  const problems = new Problems();
  if (!ctx.canteen.active)
    problems.add('ORDER.CANTEEN_INACTIVE', 'canteenId', 'the canteen is not active');
  checkShape(request, ctx.now, problems);
  problems.throwIfAny();

  const lines: OrderLine[] = [];
  const nextLineId = () => `L${lines.length + 1}`;
  let earliestMeal: Date | undefined;
  const deliveryTime = deliveryTimeOf(request);

  request.dishes.forEach((d, i) => {
    const at = `dishes[${i}]`;
    const menu = ctx.menusByWeek.get(isoWeekOf(d.date));
    if (!menu || menu.status === 'draft') {
      problems.add(
        'ORDER.MENU_NOT_PUBLISHED',
        `${at}.date`,
        `no published menu for ${isoWeekOf(d.date)}`,
      );
      return;
    }
    const dish = findOfferedDish(menu, d.date, d.meal, d.dishId);
    if (!dish) {
      problems.add(
        'ORDER.DISH_NOT_OFFERED',
        `${at}.dishId`,
        `${d.dishId} is not on the ${d.meal} menu of ${d.date}`,
      );
      return;
    }
    const startsAt = mealStartsAt(d.date, d.meal, ctx.canteen.mealWindows);
    if (deliveryTime ? deliveryTime > startsAt : startsAt <= ctx.now) {
      problems.add(
        'ORDER.DELIVERY_AFTER_MEAL_START',
        deliveryTime ? (request.needBy ? 'needBy' : 'requestedTime') : `${at}.date`,
        `cooked food must arrive before ${d.meal} starts at ${startsAt.toISOString()}`,
      );
      return;
    }
    if (!earliestMeal || startsAt < earliestMeal) earliestMeal = startsAt;
    const price = dishPrice(dish.pricePerPortionFen);
    lines.push({
      lineId: nextLineId(),
      kind: 'dish',
      itemId: dish.dishId,
      name: dish.name,
      quantity: d.portions,
      unit: 'portion',
      price,
      amountFen: amountFen(d.portions, price),
      ...(d.notes ? { notes: d.notes } : {}),
      dish: {
        date: d.date,
        meal: d.meal,
        menuId: menu.menuId,
        menuVersion: menu.version,
        recipe: dish.recipe,
      },
    });
  });

  request.ingredients.forEach((l, i) => {
    const at = `ingredients[${i}]`;
    const known = ctx.ingredients.get(l.sku);
    if (!known) {
      problems.add('ORDER.UNKNOWN_SKU', `${at}.sku`, `unknown ingredient ${l.sku}`);
      return;
    }
    const quote = ctx.approvedPrices.get(l.sku);
    if (!quote) {
      problems.add(
        'ORDER.NO_APPROVED_PRICE',
        `${at}.sku`,
        `no approved price for ${l.sku} in the delivery week`,
      );
      return;
    }
    const price = ingredientPrice(quote, ctx.canteen.markupBp);
    lines.push({
      lineId: nextLineId(),
      kind: 'ingredient',
      itemId: l.sku,
      name: known.name,
      quantity: l.quantity,
      unit: known.unit,
      price,
      amountFen: amountFen(l.quantity, price),
      ...(l.notes ? { notes: l.notes } : {}),
    });
  });
  problems.throwIfAny();

  return {
    lines,
    ingredientDemand: ingredientDemandOf(lines),
    mealStartsAt: earliestMeal,
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    requestedTime: request.requestedTime,
    needBy: request.needBy,
    urgent: request.urgent,
  };
}
