import { DomainError } from '@app/common/errors/domain-error';
import {
  aMenu,
  anOrderingCanteen,
  anOrderRequest,
  aPlacementContext,
  aPublishedMenu,
  MONDAY,
  MONDAY_10_00,
  NOW,
  TUESDAY,
  WEEK,
} from '../../testing/domain-factories';
import { menuWeeksOf, pricingWeekOf, priceOrder } from './order-placement';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('placing an order', () => {
  it('R-ORD-1: dishes and raw ingredients are priced and totalled in fen', () => {
    const priced = priceOrder(anOrderRequest(), aPlacementContext());
    expect(
      priced.lines.map((l) => [l.lineId, l.kind, l.itemId, l.quantity, l.unit, l.amountFen]),
    ).toEqual([
      ['L1', 'dish', 'braised-pork', 40, 'portion', 60_000],
      ['L2', 'ingredient', 'RICE', 5000, 'g', 2500],
    ]);
    expect(priced.totalFen).toBe(62_500);
  });

  it('R-ORD-1: ingredient lines carry the canteen markup, dish lines do not', () => {
    const ctx = aPlacementContext({ canteen: anOrderingCanteen({ markupBp: 1000 }) });
    const priced = priceOrder(anOrderRequest(), ctx);
    expect(priced.lines.map((l) => l.amountFen)).toEqual([60_000, 2750]);
  });

  it('R-ORD-1: each line keeps its notes', () => {
    const request = anOrderRequest({
      dishes: [
        { dishId: 'braised-pork', date: MONDAY, meal: 'lunch', portions: 2, notes: 'less salt' },
      ],
      ingredients: [{ sku: 'EGG', quantity: 30, notes: 'free range' }],
    });
    expect(priceOrder(request, aPlacementContext()).lines.map((l) => l.notes)).toEqual([
      'less salt',
      'free range',
    ]);
  });

  it('R-ORD-2: the ingredient demand is recipes × portions plus raw lines, per SKU', () => {
    const request = anOrderRequest({ ingredients: [{ sku: 'PORK-BELLY', quantity: 1000 }] });
    const ctx = aPlacementContext({
      approvedPrices: new Map([
        [
          'PORK-BELLY',
          { sku: 'PORK-BELLY', supplierId: 's', priceFen: 3000, priceUnitQuantity: 1000 },
        ],
      ]),
    });
    expect(priceOrder(request, ctx).ingredientDemand).toEqual([
      { sku: 'PORK-BELLY', quantity: 40 * 150 + 1000 },
      { sku: 'SOY-SAUCE', quantity: 40 * 10 },
    ]);
  });

  it('R-MENU-4: a dish line records the menu version it was ordered against', () => {
    const ctx = aPlacementContext({
      menusByWeek: new Map([[WEEK, aPublishedMenu({ menuId: 'm-v3', version: 3 })]]),
    });
    expect(priceOrder(anOrderRequest(), ctx).lines[0].dish).toMatchObject({
      menuId: 'm-v3',
      menuVersion: 3,
    });
  });

  it('R-MENU-2: dishes only from a published menu', () => {
    const unpublished = aPlacementContext({ menusByWeek: new Map([[WEEK, aMenu()]]) });
    expect(errorOf(() => priceOrder(anOrderRequest(), unpublished))).toMatchObject({
      code: 'ORDER.MENU_NOT_PUBLISHED',
      kind: 'unprocessable',
      fields: [{ field: 'dishes[0].date', reason: 'no published menu for 2026-W50' }],
    });
    const none = aPlacementContext({ menusByWeek: new Map() });
    expect(errorOf(() => priceOrder(anOrderRequest(), none)).code).toBe('ORDER.MENU_NOT_PUBLISHED');
  });

  it('R-MENU-2: a dish only on the day and meal it is offered', () => {
    const request = anOrderRequest({
      dishes: [{ dishId: 'braised-pork', date: TUESDAY, meal: 'lunch', portions: 1 }],
      requestedTime: undefined,
    });
    expect(errorOf(() => priceOrder(request, aPlacementContext()))).toMatchObject({
      code: 'ORDER.DISH_NOT_OFFERED',
      fields: [{ field: 'dishes[0].dishId' }],
    });
  });

  it('R-MENU-3: cooked food must be delivered before the meal starts', () => {
    const late = anOrderRequest({ requestedTime: new Date('2026-12-07T03:31:00Z') }); // 11:31
    expect(errorOf(() => priceOrder(late, aPlacementContext()))).toMatchObject({
      code: 'ORDER.DELIVERY_AFTER_MEAL_START',
      fields: [{ field: 'requestedTime' }],
    });
    const atStart = anOrderRequest({ requestedTime: new Date('2026-12-07T03:30:00Z') });
    expect(priceOrder(atStart, aPlacementContext()).mealStartsAt?.toISOString()).toBe(
      '2026-12-07T03:30:00.000Z',
    );
  });

  it('R-MENU-3: an approved exception moves the deadline to the canteen’s own window', () => {
    const ctx = aPlacementContext({
      canteen: anOrderingCanteen({
        mealWindows: [{ meal: 'lunch', window: { from: '12:00', to: '13:00' } }],
      }),
    });
    const at1145 = anOrderRequest({ requestedTime: new Date('2026-12-07T03:45:00Z') });
    expect(priceOrder(at1145, ctx).mealStartsAt?.toISOString()).toBe('2026-12-07T04:00:00.000Z');
    expect(() => priceOrder(at1145, aPlacementContext())).toThrow(DomainError);
  });

  it('R-MENU-3: an as-soon-as-possible order for a meal already started is refused', () => {
    const request = anOrderRequest({ requestedTime: undefined });
    const ctx = aPlacementContext({ now: new Date('2026-12-07T03:30:00Z') });
    expect(errorOf(() => priceOrder(request, ctx)).code).toBe('ORDER.DELIVERY_AFTER_MEAL_START');
  });

  it('R-ORD-1: quantities must be positive integers, and every bad field is named', () => {
    const request = anOrderRequest({
      dishes: [{ dishId: 'braised-pork', date: MONDAY, meal: 'lunch', portions: 0 }],
      ingredients: [{ sku: 'RICE', quantity: 2.5 }],
    });
    expect(errorOf(() => priceOrder(request, aPlacementContext()))).toMatchObject({
      code: 'ORDER.INVALID',
      kind: 'invalid',
      fields: [
        { field: 'dishes[0].portions', reason: 'must be a positive integer' },
        { field: 'ingredients[0].quantity', reason: 'must be a positive integer in the base unit' },
      ],
    });
  });

  it('R-ORD-1: an empty order is refused', () => {
    expect(
      errorOf(() =>
        priceOrder(anOrderRequest({ dishes: [], ingredients: [] }), aPlacementContext()),
      ).code,
    ).toBe('ORDER.INVALID');
  });

  it('R-ORD-1: raw ingredients must be known SKUs with an approved price', () => {
    const request = anOrderRequest({
      dishes: [],
      ingredients: [
        { sku: 'CAVIAR', quantity: 1 },
        { sku: 'PORK-BELLY', quantity: 1 },
      ],
    });
    expect(errorOf(() => priceOrder(request, aPlacementContext()))).toMatchObject({
      code: 'ORDER.UNKNOWN_SKU',
      fields: [
        { field: 'ingredients[0].sku', reason: 'unknown ingredient CAVIAR' },
        {
          field: 'ingredients[1].sku',
          reason: 'no approved price for PORK-BELLY in the delivery week',
        },
      ],
    });
  });

  it('R-ORD-1: a delivery time in the past is refused', () => {
    const request = anOrderRequest({ requestedTime: new Date(NOW.getTime() - 1) });
    expect(errorOf(() => priceOrder(request, aPlacementContext())).code).toBe('ORDER.TIME_IN_PAST');
  });

  it('R-ORD-3: an urgent add-on carries a need-by time, and only an urgent one', () => {
    expect(
      errorOf(() => priceOrder(anOrderRequest({ urgent: true }), aPlacementContext())).fields,
    ).toEqual([{ field: 'needBy', reason: 'an urgent add-on must say when it is needed by' }]);
    expect(
      errorOf(() => priceOrder(anOrderRequest({ needBy: MONDAY_10_00 }), aPlacementContext()))
        .fields,
    ).toEqual([{ field: 'needBy', reason: 'only an urgent add-on carries a need-by time' }]);
    const urgent = priceOrder(
      anOrderRequest({ urgent: true, requestedTime: undefined, needBy: MONDAY_10_00 }),
      aPlacementContext(),
    );
    expect(urgent).toMatchObject({ urgent: true, needBy: MONDAY_10_00 });
  });

  it('R-ORD-3: an urgent add-on of cooked food is needed before its meal', () => {
    const request = anOrderRequest({ urgent: true, needBy: new Date('2026-12-07T04:00:00Z') });
    expect(errorOf(() => priceOrder(request, aPlacementContext()))).toMatchObject({
      code: 'ORDER.DELIVERY_AFTER_MEAL_START',
      fields: [{ field: 'needBy' }],
    });
  });

  it('R-ORD-1: an inactive canteen cannot order', () => {
    const ctx = aPlacementContext({ canteen: anOrderingCanteen({ active: false }) });
    expect(errorOf(() => priceOrder(anOrderRequest(), ctx)).code).toBe('ORDER.CANTEEN_INACTIVE');
  });

  it('R-ORD-1: raw ingredients are priced in the delivery week, dishes need their own week’s menu', () => {
    expect(pricingWeekOf({ requestedTime: MONDAY_10_00 }, NOW)).toBe('2026-W50');
    expect(pricingWeekOf({}, NOW)).toBe('2026-W49');
    expect(menuWeeksOf(anOrderRequest())).toEqual(['2026-W50']);
  });
});
