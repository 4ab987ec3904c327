import 'reflect-metadata';
import { ManualClock } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { OrdersAppModule } from '../app.module';
import {
  aCanteenDto,
  aMenuDraftDto,
  anIngredient,
  anOrderDto,
  eventsOn,
} from '../testing/int-helpers';

/** Thursday 2026-12-03 10:00 Shanghai: before week 2026-W50's menu deadline. */
const THURSDAY = new Date('2026-12-03T02:00:00Z');
const MONDAY_10_00 = new Date('2026-12-07T02:00:00Z');

describe('orders service against the real broker and database', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  const clock = new ManualClock(THURSDAY);
  let orders: TestService;
  let canteenA: string;
  let canteenB: string;
  let firstOrder: string;
  let secondOrder: string;

  const as = (role: Parameters<TestService['auth']>[0], canteenId?: string) =>
    orders.auth(role, canteenId ? { canteenId } : {});
  const getOrder = (id: string, canteenId = canteenA) =>
    orders.http().get(`/orders/${id}`).set('Authorization', as('canteen', canteenId));
  const statusOf = async (id: string) => (await getOrder(id)).body.status as string;
  const place = (body: object, key: string, canteenId = canteenA) =>
    orders
      .http()
      .post('/orders')
      .set('Authorization', as('canteen', canteenId))
      .set('Idempotency-Key', key)
      .send(body);

  beforeAll(async () => {
    orders = await startTestService(OrdersAppModule, { service: 'orders', namespace, clock });
    for (const [sku, name, unit] of [
      ['PORK-BELLY', '五花肉', 'g'],
      ['SOY-SAUCE', '酱油', 'ml'],
      ['RICE', '大米', 'g'],
    ] as const) {
      await probe.publish(
        'procurement.ingredient.registered',
        sku,
        anIngredient(sku, name, unit),
        THURSDAY,
      );
    }
    await probe.publish(
      'procurement.prices.approved',
      '2026-W50',
      {
        week: '2026-W50',
        prices: [
          { sku: 'RICE', supplierId: 'sup-a', priceFen: 520, priceUnitQuantity: 1000 },
          { sku: 'RICE', supplierId: 'sup-b', priceFen: 500, priceUnitQuantity: 1000 },
        ],
      },
      THURSDAY,
    );
    const register = async (name: string) =>
      (
        await orders
          .http()
          .post('/canteens')
          .set('Authorization', as('ops-manager'))
          .send(aCanteenDto({ name }))
          .expect(201)
      ).body.id as string;
    canteenA = await register('第一营业点');
    canteenB = await register('第二营业点');
    await eventually(async () => {
      expect(await orders.connection.collection('ingredients').countDocuments()).toBe(3);
      expect(await orders.connection.collection('approved_prices').countDocuments()).toBe(1);
    });
  });

  afterAll(async () => {
    await orders?.close({ drop: true });
  });

  it('R-MENU-1, R-MENU-4: a chef publishes the week’s menu; a later draft is a new version', async () => {
    await orders
      .http()
      .put('/menus/2026-W50/draft')
      .set('Authorization', as('canteen', canteenA))
      .send(aMenuDraftDto())
      .expect(403);
    const draft = await orders
      .http()
      .put('/menus/2026-W50/draft')
      .set('Authorization', as('chef'))
      .send(aMenuDraftDto())
      .expect(200);
    expect(draft.body).toMatchObject({ version: 1, status: 'draft' });
    await orders
      .http()
      .get('/menus/2026-W50')
      .set('Authorization', as('canteen', canteenA))
      .expect(404);

    const published = await orders
      .http()
      .post('/menus/2026-W50/publish')
      .set('Authorization', as('chef'))
      .expect(200);
    expect(published.body).toMatchObject({ version: 1, status: 'published' });

    const next = await orders
      .http()
      .put('/menus/2026-W50/draft')
      .set('Authorization', as('chef'))
      .send(aMenuDraftDto())
      .expect(200);
    expect(next.body).toMatchObject({ version: 2, status: 'draft' });
    const current = await orders
      .http()
      .get('/menus/2026-W50')
      .set('Authorization', as('canteen', canteenA))
      .expect(200);
    expect(current.body).toMatchObject({ version: 1, dishes: [{ pricePerPortion: '15.00' }] });

    await orders.flushOutbox();
    const events = await eventsOn(probe, 'orders.menu.events');
    expect(events.map((e) => e.data)).toEqual([
      {
        menuId: published.body.id,
        week: '2026-W50',
        version: 1,
        ingredientSkus: ['PORK-BELLY', 'SOY-SAUCE'],
      },
    ]);
  });

  it('R-MENU-1: publishing week W after the Friday before it is refused', async () => {
    await orders
      .http()
      .put('/menus/2026-W51/draft')
      .set('Authorization', as('chef'))
      .send({
        ...aMenuDraftDto(),
        offerings: [{ date: '2026-12-14', meal: 'lunch', dishId: 'braised-pork' }],
      })
      .expect(200);
    clock.set('2026-12-11T16:00:00Z'); // Saturday 12 Dec 00:00 Shanghai
    const res = await orders
      .http()
      .post('/menus/2026-W51/publish')
      .set('Authorization', as('chef'))
      .expect(422);
    expect(res.body.code).toBe('MENU.PUBLISH_DEADLINE_PASSED');
    clock.set(THURSDAY);
  });

  it('R-ORD-1, R-ORD-5: a canteen orders from the published menu, once per Idempotency-Key', async () => {
    await orders
      .http()
      .put(`/canteens/${canteenA}/markup`)
      .set('Authorization', as('ops-manager'))
      .send({ markupBp: 1000 })
      .expect(200);
    const first = await place(anOrderDto(), 'order-key-0001').expect(201);
    firstOrder = first.body.id;
    expect(first.body).toMatchObject({
      status: 'placed',
      revision: 1,
      canteenId: canteenA,
      mealStartsAt: '2026-12-07T03:30:00.000Z',
      lines: [
        {
          kind: 'dish',
          itemId: 'braised-pork',
          quantity: 40,
          amount: '600.00',
          notes: '少放盐',
          menuVersion: 1,
        },
        // lowest approved price 5.00 per kg + 10 % markup
        {
          kind: 'ingredient',
          itemId: 'RICE',
          quantity: 5000,
          unit: 'g',
          unitPrice: '5.00',
          markupBp: 1000,
          amount: '27.50',
        },
      ],
      total: '627.50',
    });

    const again = await place(anOrderDto(), 'order-key-0001').expect(201);
    expect(again.body.id).toBe(firstOrder);
    const reused = await place(anOrderDto({ ingredients: [] }), 'order-key-0001').expect(409);
    expect(reused.body.code).toBe('ORDER.IDEMPOTENCY_KEY_REUSED');
    expect(
      await orders.connection.collection('orders').countDocuments({ canteenId: canteenA }),
    ).toBe(1);

    await orders
      .http()
      .post('/orders')
      .set('Authorization', as('canteen', canteenA))
      .send(anOrderDto())
      .expect(400);

    await orders.flushOutbox();
    const placed = (await eventsOn(probe, 'orders.order.events')).filter(
      (e) => e.subject === firstOrder,
    );
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({
      type: 'orders.order.placed',
      data: {
        revision: 1,
        urgent: false,
        requestedTime: '2026-12-07T02:00:00.000Z',
        ingredientDemand: [
          { sku: 'PORK-BELLY', quantity: 6000 },
          { sku: 'RICE', quantity: 5000 },
          { sku: 'SOY-SAUCE', quantity: 400 },
        ],
      },
    });
  });

  it('R-ORD-1, R-MENU-2, R-MENU-3: invalid orders are refused with the offending fields', async () => {
    const notOffered = await place(
      anOrderDto({
        dishes: [{ dishId: 'braised-pork', date: '2026-12-07', meal: 'dinner', portions: 1 }],
      }),
      'order-key-bad-1',
    ).expect(422);
    expect(notOffered.body).toMatchObject({
      code: 'ORDER.DISH_NOT_OFFERED',
      fields: [{ field: 'dishes[0].dishId' }],
    });
    const late = await place(
      anOrderDto({ requestedTime: '2026-12-07T04:00:00Z' }),
      'order-key-bad-2',
    ).expect(422);
    expect(late.body.code).toBe('ORDER.DELIVERY_AFTER_MEAL_START');
    const unknown = await place(
      anOrderDto({ ingredients: [{ sku: 'CAVIAR', quantity: 1 }] }),
      'order-key-bad-3',
    ).expect(422);
    expect(unknown.body).toMatchObject({
      code: 'ORDER.UNKNOWN_SKU',
      fields: [{ field: 'ingredients[0].sku' }],
    });
    const zero = await place(
      anOrderDto({ ingredients: [{ sku: 'RICE', quantity: 0 }] }),
      'order-key-bad-4',
    ).expect(400);
    expect(zero.body.fields[0].field).toContain('ingredients');
    expect(await orders.connection.collection('orders').countDocuments()).toBe(1);
  });

  it('R-ORD-2: the order is confirmed when procurement reserves the stock', async () => {
    await probe.publish(
      'procurement.reservation.confirmed',
      firstOrder,
      {
        orderId: firstOrder,
        revision: 1,
        allocations: [{ lotId: 'lot-1', sku: 'RICE', quantity: 5000 }],
      },
      THURSDAY,
    );
    await eventually(async () => expect(await statusOf(firstOrder)).toBe('confirmed'));
    await orders.flushOutbox();
    await eventually(async () => {
      const confirmed = (await eventsOn(probe, 'orders.order.events')).filter(
        (e) => e.subject === firstOrder && e.type === 'orders.order.confirmed',
      );
      expect(confirmed).toHaveLength(1);
    });
  });

  it('R-ORD-2: a shortage backorders the order, and it is confirmed when stock arrives', async () => {
    secondOrder = (await place(anOrderDto(), 'order-key-0002').expect(201)).body.id;
    const missing = [{ sku: 'PORK-BELLY', quantity: 2000 }];
    await probe.publish(
      'procurement.reservation.backordered',
      secondOrder,
      { orderId: secondOrder, revision: 1, missing },
      THURSDAY,
    );
    await eventually(async () =>
      expect((await getOrder(secondOrder)).body).toMatchObject({ status: 'backordered', missing }),
    );
    await probe.publish(
      'procurement.reservation.confirmed',
      secondOrder,
      { orderId: secondOrder, revision: 1, allocations: [] },
      THURSDAY,
    );
    await eventually(async () =>
      expect((await getOrder(secondOrder)).body).toMatchObject({
        status: 'confirmed',
        missing: [],
      }),
    );
  });

  it('R-ORD-4: a change is a new revision; answers for the old revision are ignored', async () => {
    const changed = await orders
      .http()
      .put(`/orders/${secondOrder}`)
      .set('Authorization', as('canteen', canteenA))
      .send(anOrderDto({ ingredients: [{ sku: 'RICE', quantity: 2000 }] }))
      .expect(200);
    expect(changed.body).toMatchObject({ status: 'placed', revision: 2, total: '611.00' });
    // A late answer for revision 1 must not confirm revision 2, which then gets backordered.
    await probe.publish(
      'procurement.reservation.confirmed',
      secondOrder,
      { orderId: secondOrder, revision: 1, allocations: [] },
      THURSDAY,
    );
    const missing = [{ sku: 'RICE', quantity: 500 }];
    await probe.publish(
      'procurement.reservation.backordered',
      secondOrder,
      { orderId: secondOrder, revision: 2, missing },
      THURSDAY,
    );
    await eventually(async () =>
      expect((await getOrder(secondOrder)).body).toMatchObject({
        status: 'backordered',
        revision: 2,
        missing,
      }),
    );
    await orders.flushOutbox();
    const changedEvents = (await eventsOn(probe, 'orders.order.events')).filter(
      (e) => e.subject === secondOrder && e.type === 'orders.order.changed',
    );
    expect(changedEvents.map((e) => e.data.ingredientDemand)).toEqual([
      [
        { sku: 'PORK-BELLY', quantity: 6000 },
        { sku: 'RICE', quantity: 2000 },
        { sku: 'SOY-SAUCE', quantity: 400 },
      ],
    ]);
  });

  it('R-ORD-4: a canteen cancels before dispatch and the cancellation is published', async () => {
    const res = await orders
      .http()
      .post(`/orders/${secondOrder}/cancel`)
      .set('Authorization', as('canteen', canteenA))
      .expect(200);
    expect(res.body.status).toBe('cancelled');
    await orders.flushOutbox();
    await eventually(async () => {
      const cancelled = (await eventsOn(probe, 'orders.order.events')).filter(
        (e) => e.subject === secondOrder && e.type === 'orders.order.cancelled',
      );
      expect(cancelled).toHaveLength(1);
    });
  });

  it('another canteen’s order answers 404, and its list holds only its own', async () => {
    await getOrder(firstOrder, canteenB).expect(404);
    await orders
      .http()
      .post(`/orders/${firstOrder}/cancel`)
      .set('Authorization', as('canteen', canteenB))
      .expect(404);
    const list = await orders
      .http()
      .get('/orders')
      .set('Authorization', as('canteen', canteenB))
      .expect(200);
    expect(list.body).toEqual([]);
    const staff = await orders
      .http()
      .get('/orders')
      .set('Authorization', as('ops-manager'))
      .expect(200);
    expect(staff.body).toHaveLength(2);
    await orders
      .http()
      .get(`/canteens/${canteenA}/statements/2026-12`)
      .set('Authorization', as('canteen', canteenB))
      .expect(404);
  });

  it('R-ORD-4: once dispatched, the order can no longer be changed or cancelled', async () => {
    await probe.publish(
      'delivery.delivery.dispatched',
      firstOrder,
      {
        deliveryId: 'dlv-1',
        orderId: firstOrder,
        canteenId: canteenA,
        deadline: MONDAY_10_00.toISOString(),
        driverId: 'driver-1',
        pickedUpAt: '2026-12-07T00:30:00Z',
      },
      THURSDAY,
    );
    await eventually(async () => expect(await statusOf(firstOrder)).toBe('dispatched'));
    const change = await orders
      .http()
      .put(`/orders/${firstOrder}`)
      .set('Authorization', as('canteen', canteenA))
      .send(anOrderDto())
      .expect(409);
    expect(change.body.code).toBe('ORDER.NOT_CHANGEABLE');
    await orders
      .http()
      .post(`/orders/${firstOrder}/cancel`)
      .set('Authorization', as('canteen', canteenA))
      .expect(409);
  });

  it('R-AS-6: the statement bills accepted goods at order prices minus approved returns, once each', async () => {
    await probe.publish(
      'delivery.delivery.completed',
      firstOrder,
      {
        deliveryId: 'dlv-1',
        orderId: firstOrder,
        canteenId: canteenA,
        deadline: MONDAY_10_00.toISOString(),
        driverId: 'driver-1',
        deliveredAt: '2026-12-07T01:50:00Z',
        onTime: true,
        receiverName: '王经理',
        lines: [
          {
            lineId: 'L1',
            kind: 'dish',
            itemId: 'braised-pork',
            name: '红烧肉',
            orderedQuantity: 40,
            acceptedQuantity: 38,
            rejectedQuantity: 2,
            rejectionReason: 'damaged',
          },
          {
            lineId: 'L2',
            kind: 'ingredient',
            itemId: 'RICE',
            name: '大米',
            orderedQuantity: 5000,
            acceptedQuantity: 5000,
            rejectedQuantity: 0,
          },
        ],
      },
      THURSDAY,
    );
    await eventually(async () => expect(await statusOf(firstOrder)).toBe('partially-delivered'));

    const returned = {
      returnId: 'ret-1',
      canteenId: canteenA,
      originalOrderId: firstOrder,
      approvedAt: '2026-12-08T02:00:00Z',
      lines: [{ lineId: 'L2', quantity: 1000 }],
    };
    await probe.publish('aftersales.return.approved', 'ret-1', returned, THURSDAY);
    await probe.publish('aftersales.return.approved', 'ret-1', returned, THURSDAY); // redelivered under a new event id
    const statement = await eventually(async () => {
      const res = await orders
        .http()
        .get(`/canteens/${canteenA}/statements/2026-12`)
        .set('Authorization', as('canteen', canteenA))
        .expect(200);
      expect(res.body.credits).toHaveLength(1);
      return res.body;
    });
    // 38 × 15.00 + 5000 g × 5.50/kg = 597.50; credit 1000 g × 5.50/kg = 5.50
    expect(statement).toMatchObject({ delivered: '597.50', credited: '5.50', balance: '592.00' });
    expect(await orders.connection.collection('canteen_credits').countDocuments()).toBe(1);
  });

  it('R-AS-6, R-ORD-3: an approved exchange creates one urgent replacement at no charge, due by the canteen’s time', async () => {
    const exchange = {
      exchangeId: 'ex-1',
      canteenId: canteenA,
      originalOrderId: firstOrder,
      needBy: '2026-12-08T08:00:00Z',
      lines: [{ lineId: 'L1', quantity: 2 }],
    };
    await probe.publish('aftersales.exchange.approved', 'ex-1', exchange, THURSDAY);
    await probe.publish('aftersales.exchange.approved', 'ex-1', exchange, THURSDAY);
    const replacement = await eventually(async () => {
      const res = await orders
        .http()
        .get('/orders')
        .set('Authorization', as('canteen', canteenA))
        .expect(200);
      const found = res.body.filter((o: { replacementFor?: unknown }) => o.replacementFor);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(replacement).toMatchObject({
      urgent: true,
      needBy: '2026-12-08T08:00:00.000Z',
      total: '0.00',
      replacementFor: { exchangeId: 'ex-1', originalOrderId: firstOrder },
      lines: [{ itemId: 'braised-pork', quantity: 2, amount: '0.00' }],
      ingredientDemand: [
        { sku: 'PORK-BELLY', quantity: 300 },
        { sku: 'SOY-SAUCE', quantity: 20 },
      ],
    });
    await orders.flushOutbox();
    await eventually(async () => {
      const placed = (await eventsOn(probe, 'orders.order.events')).filter(
        (e) => e.subject === replacement.id,
      );
      expect(placed[0]).toMatchObject({
        type: 'orders.order.placed',
        data: { urgent: true, replacementForExchangeId: 'ex-1' },
      });
    });
  });

  it('R-MENU-3: only an ops-manager approves a meal-time exception, and orders follow it', async () => {
    await orders
      .http()
      .put(`/canteens/${canteenB}/meal-windows/lunch`)
      .set('Authorization', as('canteen', canteenB))
      .send({ from: '12:00', to: '13:00' })
      .expect(403);
    const approved = await orders
      .http()
      .put(`/canteens/${canteenB}/meal-windows/lunch`)
      .set('Authorization', as('ops-manager'))
      .send({ from: '12:00', to: '13:00' })
      .expect(200);
    expect(approved.body.mealWindows).toEqual([
      expect.objectContaining({
        meal: 'lunch',
        window: { from: '12:00', to: '13:00' },
        approvedBy: 'ops-manager-1',
      }),
    ]);
    const order = await place(
      anOrderDto({ requestedTime: '2026-12-07T03:45:00Z', ingredients: [] }),
      'order-key-b-01',
      canteenB,
    ).expect(201);
    expect(order.body.mealStartsAt).toBe('2026-12-07T04:00:00.000Z');
    await orders.flushOutbox();
    await eventually(async () => {
      const updated = (await eventsOn(probe, 'orders.canteen.events')).filter(
        (e) => e.subject === canteenB && e.type === 'orders.canteen.updated',
      );
      expect(updated[0]?.data.mealWindows).toEqual([
        { meal: 'lunch', window: { from: '12:00', to: '13:00' } },
      ]);
    });
  });

  it('an ops-manager edits a canteen; an inactive canteen cannot order', async () => {
    const res = await orders
      .http()
      .patch(`/canteens/${canteenB}`)
      .set('Authorization', as('ops-manager'))
      .send({ webhookUrl: 'http://canteen-b.local/hooks', active: false })
      .expect(200);
    expect(res.body).toMatchObject({
      webhookUrl: 'http://canteen-b.local/hooks',
      active: false,
      name: '第二营业点',
    });
    const refused = await place(anOrderDto({ ingredients: [] }), 'order-key-b-02', canteenB).expect(
      422,
    );
    expect(refused.body.code).toBe('ORDER.CANTEEN_INACTIVE');
  });

  it('R-ORD-5: two retries of one request racing each other make one order', async () => {
    const before = await orders.connection.collection('orders').countDocuments();
    const [a, b] = await Promise.all([
      place(anOrderDto(), 'order-key-race-1'),
      place(anOrderDto(), 'order-key-race-1'),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await orders.connection.collection('orders').countDocuments()).toBe(before + 1);
  });

  it('R-ORD-2: a reservation answer delivered twice under one id confirms the order once', async () => {
    const id = (await place(anOrderDto(), 'order-key-redelivered').expect(201)).body.id as string;
    await probe.publishTwice(
      'procurement.reservation.confirmed',
      id,
      { orderId: id, revision: 1, allocations: [{ lotId: 'lot-1', sku: 'RICE', quantity: 5000 }] },
      THURSDAY,
    );
    await orders.caughtUp();
    await orders.flushOutbox();
    expect(await statusOf(id)).toBe('confirmed');
    const confirmed = (await eventsOn(probe, 'orders.order.events')).filter(
      (e) => e.subject === id && e.type === 'orders.order.confirmed',
    );
    expect(confirmed).toHaveLength(1);
  });
});
