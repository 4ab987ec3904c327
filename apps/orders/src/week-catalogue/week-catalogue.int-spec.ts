/**
 * R-MENU-2 / R-ORD-1 over the real broker: a canteen sees what it may order in a week — the
 * published menu by day and meal, the raw ingredients whose approved prices have reached orders,
 * at its own marked-up price — and an order is charged exactly what the catalogue shows.
 */
import 'reflect-metadata';
import { amountAtExactPrice, ManualClock, yuanToFen } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { OrdersAppModule } from '../app.module';
import { aCanteenDto, aMenuDraftDto, anIngredient } from '../testing/int-helpers';

const THURSDAY = new Date('2026-12-03T02:00:00Z'); // before W50's menu deadline

describe('the canteen-facing catalogue of the week (real broker)', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  const clock = new ManualClock(THURSDAY);
  let orders: TestService;
  let canteenId: string;
  const asCanteen = () => orders.auth('canteen', { canteenId });

  beforeAll(async () => {
    orders = await startTestService(OrdersAppModule, { service: 'orders', namespace, clock });
    for (const [sku, name, unit] of [
      ['PORK-BELLY', '五花肉', 'g'],
      ['SOY-SAUCE', '酱油', 'ml'],
      ['RICE', '大米', 'g'],
      ['GINGER', '生姜', 'g'],
    ] as const) {
      await probe.publish(
        'procurement.ingredient.registered',
        sku,
        anIngredient(sku, name, unit),
        THURSDAY,
      );
    }
    canteenId = (
      await orders
        .http()
        .post('/canteens')
        .set('Authorization', orders.auth('ops-manager'))
        .send(aCanteenDto({ markupBp: 750 }))
        .expect(201)
    ).body.id;
    await eventually(async () =>
      expect(await orders.connection.collection('ingredients').countDocuments()).toBe(4),
    );
  });

  afterAll(async () => {
    await orders?.close({ drop: true });
  });

  it('R-ORD-1: before the week’s prices reach orders the catalogue lists no raw ingredient, and ordering one is refused', async () => {
    const empty = await orders
      .http()
      .get('/catalogue/2026-W50')
      .set('Authorization', asCanteen())
      .expect(200);
    expect(empty.body).toEqual({ week: '2026-W50', canteenId, markupBp: 750, ingredients: [] });
    const refused = await orders
      .http()
      .post('/orders')
      .set('Authorization', asCanteen())
      .set('Idempotency-Key', 'catalogue-too-early')
      .send({
        dishes: [],
        ingredients: [{ sku: 'GINGER', quantity: 333 }],
        requestedTime: '2026-12-07T02:00:00Z',
      })
      .expect(422);
    expect(refused.body.code).toBe('ORDER.NO_APPROVED_PRICE');
  });

  it('R-MENU-2 / R-ORD-1: the catalogue shows the published menu by day and meal and the marked-up ingredient prices; an order is charged what it shows', async () => {
    await probe.publish(
      'procurement.prices.approved',
      '2026-W50',
      {
        week: '2026-W50',
        prices: [
          { sku: 'RICE', supplierId: 'sup-a', priceFen: 520, priceUnitQuantity: 1000 },
          { sku: 'RICE', supplierId: 'sup-b', priceFen: 500, priceUnitQuantity: 1000 },
          { sku: 'GINGER', supplierId: 'sup-a', priceFen: 1_234, priceUnitQuantity: 1000 },
        ],
      },
      THURSDAY,
    );
    await orders
      .http()
      .put('/menus/2026-W50/draft')
      .set('Authorization', orders.auth('chef'))
      .send(aMenuDraftDto())
      .expect(200);
    await orders
      .http()
      .post('/menus/2026-W50/publish')
      .set('Authorization', orders.auth('chef'))
      .expect(200);

    const catalogue = await eventually(async () => {
      const res = await orders
        .http()
        .get('/catalogue/2026-W50')
        .set('Authorization', asCanteen())
        .expect(200);
      expect(res.body.ingredients).toHaveLength(2);
      return res.body;
    });
    expect(catalogue.menu.meals).toEqual([
      {
        date: '2026-12-07',
        meal: 'lunch',
        startsAt: '2026-12-07T03:30:00.000Z',
        orderable: true,
        dishes: [{ dishId: 'braised-pork', name: '红烧肉', pricePerPortion: '15.00' }],
      },
      {
        date: '2026-12-08',
        meal: 'dinner',
        startsAt: '2026-12-08T09:30:00.000Z',
        orderable: true,
        dishes: [{ dishId: 'braised-pork', name: '红烧肉', pricePerPortion: '15.00' }],
      },
    ]);
    expect(catalogue.ingredients).toEqual([
      {
        sku: 'GINGER',
        name: '生姜',
        unit: 'g',
        price: '13.27',
        priceUnitQuantity: 1000,
        exactPrice: { price: '12.34', priceUnitQuantity: 1000, markupBp: 750 },
      },
      {
        sku: 'RICE',
        name: '大米',
        unit: 'g',
        price: '5.38',
        priceUnitQuantity: 1000,
        exactPrice: { price: '5.00', priceUnitQuantity: 1000, markupBp: 750 },
      },
    ]);

    const ginger = catalogue.ingredients[0];
    const placed = await orders
      .http()
      .post('/orders')
      .set('Authorization', asCanteen())
      .set('Idempotency-Key', 'catalogue-order-1')
      .send({
        dishes: [{ dishId: 'braised-pork', date: '2026-12-08', meal: 'dinner', portions: 10 }],
        ingredients: [{ sku: 'GINGER', quantity: 333 }],
        requestedTime: '2026-12-08T02:00:00Z',
      })
      .expect(201);
    const gingerLine = placed.body.lines.find((l: { itemId: string }) => l.itemId === 'GINGER');
    expect(yuanToFen(gingerLine.amount)).toBe(
      amountAtExactPrice(333, {
        priceFen: yuanToFen(ginger.exactPrice.price),
        priceUnitQuantity: ginger.exactPrice.priceUnitQuantity,
        markupBp: ginger.exactPrice.markupBp,
      }),
    );
    expect(gingerLine.amount).toBe('4.42');
  });

  it('a canteen sees only its own catalogue; staff choose the canteen; a bad week is a 400', async () => {
    await orders
      .http()
      .get('/catalogue/2026-W50?canteenId=someone-else')
      .set('Authorization', asCanteen())
      .expect(404);
    const staff = await orders
      .http()
      .get(`/catalogue/2026-W50?canteenId=${canteenId}`)
      .set('Authorization', orders.auth('ops-manager'))
      .expect(200);
    expect(staff.body.markupBp).toBe(750);
    const base = await orders
      .http()
      .get('/catalogue/2026-W50')
      .set('Authorization', orders.auth('ops-manager'))
      .expect(200);
    expect(base.body.ingredients[0].price).toBe('12.34');
    const bad = await orders
      .http()
      .get('/catalogue/2026-50')
      .set('Authorization', asCanteen())
      .expect(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'week' })]);
  });
});
