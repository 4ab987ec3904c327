import { fromShanghai } from '@app/common/clock/business-time';
import { amountAtExactPrice } from '@app/common/money/exact-price';
import { amountFen, ingredientPrice } from '../../orders/domain/line-pricing';
import {
  aDish,
  anOffering,
  aPriceQuote,
  aPublishedMenu,
  WEEK,
} from '../../testing/domain-factories';
import { buildWeekCatalogue } from './week-catalogue';

const menu = aPublishedMenu({
  dishes: [aDish(), aDish({ dishId: 'tofu', name: 'Mapo tofu', pricePerPortionFen: 1_200 })],
  offerings: [
    anOffering({ date: '2026-12-08', meal: 'dinner', dishId: 'tofu' }),
    anOffering({ date: '2026-12-07', meal: 'lunch', dishId: 'braised-pork' }),
    anOffering({ date: '2026-12-07', meal: 'lunch', dishId: 'tofu' }),
  ],
});
const ingredients = new Map([
  ['RICE', { name: 'Rice', unit: 'g' }],
  ['GINGER', { name: 'Ginger', unit: 'g' }],
]);
const prices = new Map([
  ['RICE', aPriceQuote()],
  ['GINGER', aPriceQuote({ sku: 'GINGER', priceFen: 1_234, priceUnitQuantity: 1_000 })],
  ['SAFFRON', aPriceQuote({ sku: 'SAFFRON', priceFen: 99_999, priceUnitQuantity: 1 })],
]);
const canteen = { canteenId: 'canteen-1', markupBp: 750, mealWindows: [] };

describe('the canteen-facing catalogue of the week', () => {
  it('R-MENU-2: dishes of the published menu by day and meal, in calendar order, at their price per portion', () => {
    const catalogue = buildWeekCatalogue({
      week: WEEK,
      now: fromShanghai(2026, 12, 7, 12),
      canteen,
      menu,
      prices,
      ingredients,
    });
    expect(catalogue.menu?.meals).toEqual([
      {
        date: '2026-12-07',
        meal: 'lunch',
        startsAt: fromShanghai(2026, 12, 7, 11, 30),
        orderable: false, // already started
        dishes: [
          { dishId: 'braised-pork', name: 'Braised pork', pricePerPortionFen: 1_500 },
          { dishId: 'tofu', name: 'Mapo tofu', pricePerPortionFen: 1_200 },
        ],
      },
      {
        date: '2026-12-08',
        meal: 'dinner',
        startsAt: fromShanghai(2026, 12, 8, 17, 30),
        orderable: true,
        dishes: [{ dishId: 'tofu', name: 'Mapo tofu', pricePerPortionFen: 1_200 }],
      },
    ]);
  });

  it('R-ORD-1: raw ingredients with an approved price, marked up for the canteen, exactly as an order line charges', () => {
    const catalogue = buildWeekCatalogue({
      week: WEEK,
      now: new Date(0),
      canteen,
      prices,
      ingredients,
    });
    expect(catalogue.menu).toBeUndefined();
    expect(catalogue.ingredients.map((i) => [i.sku, i.priceFen, i.priceUnitQuantity])).toEqual([
      ['GINGER', 1_327, 1_000], // 12.34 × 1.075 = 13.2655 → 13.27 per kg
      ['RICE', 538, 1_000], // 5.00 × 1.075 = 5.375 → 5.38 per kg; SAFFRON is not a known SKU
    ]);
    const ginger = catalogue.ingredients[0];
    expect(amountAtExactPrice(333, ginger.exactPrice)).toBe(
      amountFen(333, ingredientPrice(prices.get('GINGER')!, 750)),
    );
  });

  it('R-MENU-3: a canteen with an approved meal-time exception sees its own meal start', () => {
    const catalogue = buildWeekCatalogue({
      week: WEEK,
      now: fromShanghai(2026, 12, 7, 11, 45),
      canteen: {
        ...canteen,
        mealWindows: [{ meal: 'lunch', window: { from: '12:00', to: '13:00' } }],
      },
      menu,
      prices: new Map(),
      ingredients,
    });
    expect(catalogue.menu?.meals[0]).toMatchObject({
      startsAt: fromShanghai(2026, 12, 7, 12),
      orderable: true,
    });
    expect(catalogue.ingredients).toEqual([]);
  });
});
