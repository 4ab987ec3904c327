import { buildOrderRequest, dishKey, draftOf, isChangeable, parseDishKey } from './order-draft';

const NOW = new Date('2026-12-03T02:00:00Z');
const LATER = '2026-12-07T02:00:00.000Z';
const EARLIER = '2026-12-01T02:00:00.000Z';

describe('a canteen order draft (R-ORD-1, R-ORD-3, R-ORD-4)', () => {
  const key = dishKey('2026-12-07', 'lunch', 'braised-pork');

  it('R-ORD-1: dishes and ingredients with notes per line, for a delivery time', () => {
    const { request, problems } = buildOrderRequest(
      {
        dishes: { [key]: { quantity: 40, notes: ' 少放盐 ' }, other: { quantity: 0 } },
        ingredients: { RICE: { quantity: 5000 }, TOFU: { quantity: null } },
        timing: 'at',
        requestedTime: LATER,
      },
      NOW,
    );
    expect(problems).toEqual([]);
    expect(request).toEqual({
      dishes: [
        {
          dishId: 'braised-pork',
          date: '2026-12-07',
          meal: 'lunch',
          portions: 40,
          notes: '少放盐',
        },
      ],
      ingredients: [{ sku: 'RICE', quantity: 5000 }],
      requestedTime: LATER,
    });
  });

  it('as soon as possible sends no requested time', () => {
    const { request } = buildOrderRequest(
      { ingredients: { RICE: { quantity: 1 } }, timing: 'asap', requestedTime: EARLIER },
      NOW,
    );
    expect(request).toEqual({ dishes: [], ingredients: [{ sku: 'RICE', quantity: 1 }] });
  });

  it('refuses an empty order, non-positive or fractional quantities, a past or missing time', () => {
    expect(buildOrderRequest({ timing: 'at' }, NOW).problems).toEqual([
      { field: 'lines', reason: 'no-lines' },
      { field: 'requestedTime', reason: 'required' },
    ]);
    expect(
      buildOrderRequest(
        {
          dishes: { [key]: { quantity: -2 } },
          ingredients: { RICE: { quantity: 1.5 } },
          timing: 'at',
          requestedTime: EARLIER,
        },
        NOW,
      ).problems,
    ).toEqual([
      { field: `dishes.${key}.quantity`, reason: 'positive-integer' },
      { field: 'ingredients.RICE.quantity', reason: 'positive-integer' },
      { field: 'requestedTime', reason: 'in-future' },
    ]);
  });

  it('R-ORD-3: an urgent add-on needs a need-by time in the future', () => {
    const base = { ingredients: { RICE: { quantity: 1 } }, timing: 'asap' as const, urgent: true };
    expect(buildOrderRequest(base, NOW).problems).toEqual([
      { field: 'needBy', reason: 'required' },
    ]);
    expect(buildOrderRequest({ ...base, needBy: EARLIER }, NOW).problems).toEqual([
      { field: 'needBy', reason: 'in-future' },
    ]);
    expect(buildOrderRequest({ ...base, needBy: LATER }, NOW).request).toMatchObject({
      urgent: true,
      needBy: LATER,
    });
  });

  it('R-ORD-4: changeable until dispatched; a change starts from the order as it is', () => {
    expect(['placed', 'confirmed', 'backordered'].every(isChangeable)).toBe(true);
    expect(['dispatched', 'delivered', 'cancelled'].some(isChangeable)).toBe(false);
    const draft = draftOf({
      lines: [
        {
          kind: 'dish',
          itemId: 'a|b',
          quantity: 3,
          date: '2026-12-07',
          meal: 'dinner',
          notes: '辣',
        },
        { kind: 'ingredient', itemId: 'RICE', quantity: 500 },
      ],
      requestedTime: LATER,
      urgent: false,
    });
    expect(draft).toEqual({
      dishes: { [dishKey('2026-12-07', 'dinner', 'a|b')]: { quantity: 3, notes: '辣' } },
      ingredients: { RICE: { quantity: 500 } },
      timing: 'at',
      requestedTime: LATER,
    });
    expect(parseDishKey(dishKey('2026-12-07', 'dinner', 'a|b')).dishId).toBe('a|b');
    expect(buildOrderRequest(draft, NOW).request?.dishes[0]).toMatchObject({ portions: 3 });
  });
});
