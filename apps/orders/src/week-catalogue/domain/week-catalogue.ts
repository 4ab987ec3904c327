/**
 * What a canteen may order in a week (R-MENU-2, R-ORD-1): the dishes of the week's published menu
 * by day and meal at their price per portion, and the raw ingredients that have an approved price
 * that week, at the price the canteen pays (lowest approved price plus its contract markup).
 * Built from the same data placement uses, so the catalogue never offers what placement refuses.
 */
import type { Meal } from '@app/common/messaging/contracts/constants';
import type { ExactPrice } from '@app/common/money/exact-price';
import { mealStartsAt, STANDARD_MEAL_WINDOWS } from '../../menus/domain/meal-windows';
import type { LatePublication, WeeklyMenu } from '../../menus/domain/weekly-menu';
import {
  amountFen,
  exactPriceOf,
  ingredientPrice,
  type ApprovedPriceQuote,
} from '../../orders/domain/line-pricing';
import type { KnownIngredient, OrderingCanteen } from '../../orders/domain/order-placement';

const MEAL_ORDER = Object.keys(STANDARD_MEAL_WINDOWS) as Meal[];

export interface CatalogueDish {
  dishId: string;
  name: string;
  pricePerPortionFen: number;
}

export interface CatalogueMeal {
  date: string;
  meal: Meal;
  /** With the canteen's approved meal-time exception, if any (R-MENU-3). */
  startsAt: Date;
  /** False once the meal has started: cooked food can no longer arrive before it. */
  orderable: boolean;
  dishes: CatalogueDish[];
}

export interface CatalogueIngredient {
  sku: string;
  name: string;
  unit: string;
  /** What the canteen pays for `priceUnitQuantity` units, markup included, rounded once. */
  priceFen: number;
  priceUnitQuantity: number;
  /** The exact price an order line is charged at (see `amountAtExactPrice`). */
  exactPrice: ExactPrice;
}

export interface WeekCatalogue {
  week: string;
  canteenId?: string;
  markupBp: number;
  menu?: { menuId: string; version: number; late?: LatePublication; meals: CatalogueMeal[] };
  ingredients: CatalogueIngredient[];
}

export interface WeekCatalogueInput {
  week: string;
  now: Date;
  canteen?: Pick<OrderingCanteen, 'canteenId' | 'markupBp' | 'mealWindows'>;
  menu?: WeeklyMenu;
  prices: ReadonlyMap<string, ApprovedPriceQuote>;
  ingredients: ReadonlyMap<string, KnownIngredient>;
}

export function buildWeekCatalogue(input: WeekCatalogueInput): WeekCatalogue {
  const markupBp = input.canteen?.markupBp ?? 0;
  return {
    week: input.week,
    ...(input.canteen ? { canteenId: input.canteen.canteenId } : {}),
    markupBp,
    ...(input.menu
      ? { menu: menuOf(input.menu, input.now, input.canteen?.mealWindows ?? []) }
      : {}),
    ingredients: [...input.prices.values()]
      .filter((quote) => input.ingredients.has(quote.sku))
      .map((quote) => {
        const known = input.ingredients.get(quote.sku)!;
        const price = ingredientPrice(quote, markupBp);
        return {
          sku: quote.sku,
          name: known.name,
          unit: known.unit,
          priceFen: amountFen(quote.priceUnitQuantity, price),
          priceUnitQuantity: quote.priceUnitQuantity,
          exactPrice: exactPriceOf(price),
        };
      })
      .sort((a, b) => a.sku.localeCompare(b.sku)),
  };
}

function menuOf(
  menu: WeeklyMenu,
  now: Date,
  mealWindows: NonNullable<WeekCatalogueInput['canteen']>['mealWindows'],
): NonNullable<WeekCatalogue['menu']> {
  const dishes = new Map(menu.dishes.map((d) => [d.dishId, d]));
  const slots = new Map<string, CatalogueMeal>();
  for (const offering of menu.offerings) {
    const key = `${offering.date}:${offering.meal}`;
    let slot = slots.get(key);
    if (!slot) {
      const startsAt = mealStartsAt(offering.date, offering.meal, mealWindows);
      slot = {
        date: offering.date,
        meal: offering.meal,
        startsAt,
        orderable: now < startsAt,
        dishes: [],
      };
      slots.set(key, slot);
    }
    const dish = dishes.get(offering.dishId);
    if (dish) {
      slot.dishes.push({
        dishId: dish.dishId,
        name: dish.name,
        pricePerPortionFen: dish.pricePerPortionFen,
      });
    }
  }
  const meals = [...slots.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) || MEAL_ORDER.indexOf(a.meal) - MEAL_ORDER.indexOf(b.meal),
  );
  return {
    menuId: menu.menuId,
    version: menu.version,
    ...(menu.late ? { late: menu.late } : {}),
    meals,
  };
}
