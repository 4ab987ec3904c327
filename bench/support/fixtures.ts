/** The week the benches order for: menu, ingredients, prices and a canteen's order. */

/** Thursday 2026-12-03 10:00 Shanghai: week 2026-W50 (Mon 2026-12-07) can be ordered. */
export const NOW = new Date('2026-12-03T02:00:00Z');
export const WEEK = '2026-W50';
export const EXPIRES = new Date('2026-12-25T00:00:00Z');

export const INGREDIENTS = [
  { sku: 'PORK-BELLY', name: '五花肉', unit: 'g' },
  { sku: 'SOY-SAUCE', name: '酱油', unit: 'ml' },
  { sku: 'RICE', name: '大米', unit: 'g' },
  { sku: 'CABBAGE', name: '白菜', unit: 'g' },
] as const;

export const MENU = {
  dishes: [
    {
      dishId: 'braised-pork',
      name: '红烧肉',
      pricePerPortion: '15.00',
      recipe: [
        { sku: 'PORK-BELLY', quantityPerPortion: 150 },
        { sku: 'SOY-SAUCE', quantityPerPortion: 10 },
      ],
    },
    {
      dishId: 'stir-fried-cabbage',
      name: '手撕包菜',
      pricePerPortion: '8.00',
      recipe: [
        { sku: 'CABBAGE', quantityPerPortion: 200 },
        { sku: 'SOY-SAUCE', quantityPerPortion: 5 },
      ],
    },
  ],
  offerings: ['2026-12-08', '2026-12-09'].flatMap((date) =>
    ['lunch', 'dinner'].flatMap((meal) =>
      ['braised-pork', 'stir-fried-cabbage'].map((dishId) => ({ date, meal, dishId })),
    ),
  ),
};

export const PRICES = {
  week: WEEK,
  prices: [
    { sku: 'RICE', supplierId: 'sup-a', priceFen: 520, priceUnitQuantity: 1000 },
    { sku: 'SOY-SAUCE', supplierId: 'sup-a', priceFen: 1200, priceUnitQuantity: 1000 },
  ],
};

/** Two dishes and two raw ingredients, for Tuesday's dinner. */
export const anOrder = (i: number) => ({
  dishes: [
    { dishId: 'braised-pork', date: '2026-12-08', meal: 'dinner', portions: 2 + (i % 3) },
    { dishId: 'stir-fried-cabbage', date: '2026-12-08', meal: 'dinner', portions: 3 },
  ],
  ingredients: [
    { sku: 'RICE', quantity: 1_000 },
    { sku: 'SOY-SAUCE', quantity: 500, notes: '原味' },
  ],
  requestedTime: '2026-12-08T08:00:00Z',
});

/** What one order reserves, by sku (recipe × portions + raw ingredients). */
export const demandOf = (i: number): Record<string, number> => ({
  'PORK-BELLY': 150 * (2 + (i % 3)),
  CABBAGE: 600,
  'SOY-SAUCE': 10 * (2 + (i % 3)) + 15 + 500,
  RICE: 1_000,
});
