/** Small builders for domain test data; override only what a test is about. */
import type { Dish, Offering, WeeklyMenu } from '../menus/domain/weekly-menu';
import type { ApprovedPriceQuote } from '../orders/domain/line-pricing';
import type { Order } from '../orders/domain/order';
import type {
  OrderingCanteen,
  OrderRequest,
  PlacementContext,
} from '../orders/domain/order-placement';
import { priceOrder } from '../orders/domain/order-placement';
import { placeOrder } from '../orders/domain/order-lifecycle';

/** Week 2026-W50 runs Monday 2026-12-07 … Sunday 2026-12-13 (Asia/Shanghai). */
export const WEEK = '2026-W50';
export const MONDAY = '2026-12-07';
export const TUESDAY = '2026-12-08';

export function aDish(overrides: Partial<Dish> = {}): Dish {
  return {
    dishId: 'braised-pork',
    name: 'Braised pork',
    pricePerPortionFen: 1500,
    recipe: [
      { sku: 'PORK-BELLY', quantityPerPortion: 150 },
      { sku: 'SOY-SAUCE', quantityPerPortion: 10 },
    ],
    ...overrides,
  };
}

export function anOffering(overrides: Partial<Offering> = {}): Offering {
  return { date: MONDAY, meal: 'lunch', dishId: 'braised-pork', ...overrides };
}

export function aMenu(overrides: Partial<WeeklyMenu> = {}): WeeklyMenu {
  return {
    menuId: 'menu-w50-v1',
    week: WEEK,
    version: 1,
    status: 'draft',
    dishes: [aDish()],
    offerings: [anOffering()],
    ...overrides,
  };
}

export function aPublishedMenu(overrides: Partial<WeeklyMenu> = {}): WeeklyMenu {
  return aMenu({
    status: 'published',
    publishedAt: new Date('2026-12-03T02:00:00Z'),
    ...overrides,
  });
}

export const KNOWN_SKUS = new Set(['PORK-BELLY', 'SOY-SAUCE', 'RICE', 'EGG']);

// ---- orders ----

/** Thursday 2026-12-03 10:00 Shanghai: week W50's menu is out, W50 prices approved. */
export const NOW = new Date('2026-12-03T02:00:00Z');
/** Monday of W50, 10:00 Shanghai — before lunch (11:30). */
export const MONDAY_10_00 = new Date('2026-12-07T02:00:00Z');

export function anOrderingCanteen(overrides: Partial<OrderingCanteen> = {}): OrderingCanteen {
  return { canteenId: 'canteen-1', active: true, markupBp: 0, mealWindows: [], ...overrides };
}

export function aPriceQuote(overrides: Partial<ApprovedPriceQuote> = {}): ApprovedPriceQuote {
  return { sku: 'RICE', supplierId: 'sup-1', priceFen: 500, priceUnitQuantity: 1000, ...overrides };
}

export function aPlacementContext(overrides: Partial<PlacementContext> = {}): PlacementContext {
  return {
    now: NOW,
    canteen: anOrderingCanteen(),
    menusByWeek: new Map([[WEEK, aPublishedMenu()]]),
    ingredients: new Map([
      ['RICE', { name: 'Rice', unit: 'g' }],
      ['EGG', { name: 'Egg', unit: 'piece' }],
      ['PORK-BELLY', { name: 'Pork belly', unit: 'g' }],
      ['SOY-SAUCE', { name: 'Soy sauce', unit: 'ml' }],
    ]),
    approvedPrices: new Map([
      ['RICE', aPriceQuote()],
      ['EGG', aPriceQuote({ sku: 'EGG', priceFen: 80, priceUnitQuantity: 1 })],
    ]),
    ...overrides,
  };
}

export function anOrderRequest(overrides: Partial<OrderRequest> = {}): OrderRequest {
  return {
    dishes: [{ dishId: 'braised-pork', date: MONDAY, meal: 'lunch', portions: 40 }],
    ingredients: [{ sku: 'RICE', quantity: 5000 }],
    requestedTime: MONDAY_10_00,
    urgent: false,
    ...overrides,
  };
}

/** A freshly placed order built through the real placement rules. */
export function anOrder(overrides: Partial<Order> = {}): Order {
  const priced = priceOrder(anOrderRequest(), aPlacementContext());
  const { order } = placeOrder({ orderId: 'order-1', canteenId: 'canteen-1', priced }, NOW);
  return { ...order, ...overrides };
}
