/**
 * The whole product flow through all four services, their real HTTP APIs and the real broker:
 * a canteen orders from the published menu, procurement reserves first-in first-out, delivery
 * schedules and the driver delivers with one line partly rejected, aftersales turns the rejection
 * into an exchange whose free urgent replacement order orders creates and aftersales links back,
 * and a missed deadline of the replacement becomes a breach with a proposed fine.
 *
 * One ManualClock for all services; `eventually` only waits for what travels over Kafka, timers
 * fire by moving the clock and calling the delivery sweep.
 */
import { DAY_MS, ManualClock, MINUTE_MS } from '@app/common';
import { eventually, newNamespace, startTestService, type TestService } from '@app/common/testing';
import { AftersalesAppModule } from '../apps/aftersales/src/app.module';
import { DeliveryAppModule } from '../apps/delivery/src/app.module';
import { SlaSweepService } from '../apps/delivery/src/deliveries/sla-sweep.service';
import { OrdersAppModule } from '../apps/orders/src/app.module';
import { aCanteenDto, aMenuDraftDto, anOrderDto } from '../apps/orders/src/testing/int-helpers';
import { ProcurementAppModule } from '../apps/procurement/src/app.module';
import { LotsService } from '../apps/procurement/src/inventory/lots/lots.service';

// ---- factories -------------------------------------------------------------------------------

/** Thursday 3 December 2026, 10:00 Shanghai: menu week 2026-W50 can still be published. */
const THURSDAY = new Date('2026-12-03T02:00:00Z');
const WEEK = '2026-W50';
/** Monday 7 December 10:00 Shanghai: the requested delivery time, before lunch (11:30). */
const REQUESTED_TIME = '2026-12-07T02:00:00.000Z';
const at = (iso: string) => new Date(iso);
const DRIVER_ID = 'driver-zhang';

const anIngredientDto = (sku: string, name: string, unit: 'g' | 'ml' | 'piece') => ({
  sku,
  name,
  unit,
  category: 'meat',
  storage: 'chilled',
  shelfLifeDays: 10,
});
const INGREDIENTS = [
  anIngredientDto('PORK-BELLY', '五花肉', 'g'),
  anIngredientDto('SOY-SAUCE', '酱油', 'ml'),
  anIngredientDto('EGG', '鸡蛋', 'piece'),
  anIngredientDto('TOMATO', '番茄', 'g'),
];

/** A lot received `ageDays` before Thursday, good for a month. */
const aLot = (lotId: string, sku: string, quantityReceived: number, ageDays: number) => ({
  lotId,
  sku,
  receivedAt: new Date(THURSDAY.getTime() - ageDays * DAY_MS),
  expiresAt: new Date(THURSDAY.getTime() + 30 * DAY_MS),
  quantityReceived,
});

const TOMATO_EGGS = {
  dishId: 'tomato-eggs',
  name: '番茄炒蛋',
  pricePerPortion: '12.00',
  recipe: [
    { sku: 'EGG', quantityPerPortion: 2 },
    { sku: 'TOMATO', quantityPerPortion: 100 },
  ],
};

/** The shared menu (红烧肉 15.00 with pork belly and soy sauce) plus 番茄炒蛋 on Monday lunch. */
const aTwoDishMenu = () => {
  const base = aMenuDraftDto();
  return {
    dishes: [...base.dishes, TOMATO_EGGS],
    offerings: [...base.offerings, { date: '2026-12-07', meal: 'lunch', dishId: 'tomato-eggs' }],
  };
};

/** 40 × 红烧肉 and 20 × 番茄炒蛋 for Monday lunch, delivered at 10:00; no raw ingredients. */
const aLunchOrder = () =>
  anOrderDto({
    dishes: [
      { dishId: 'braised-pork', date: '2026-12-07', meal: 'lunch', portions: 40, notes: '少放盐' },
      { dishId: 'tomato-eggs', date: '2026-12-07', meal: 'lunch', portions: 20 },
    ],
    ingredients: [],
    requestedTime: REQUESTED_TIME,
  });

const aDriverDto = () => ({
  driverId: DRIVER_ID,
  name: '张师傅',
  phone: '13900000001',
  vehicle: '沪A·12345 冷藏车',
});

const aProof = (receivedAt: string) => ({
  receiverName: '李师傅',
  receivedAt,
  signatureRef: 'sig-2026-12-07-001',
  temperatureCelsius: 62,
});

interface OrderLineView {
  lineId: string;
  itemId: string;
  quantity: number;
}

// ---- the flow --------------------------------------------------------------------------------

describe('order → procurement → delivery → aftersales, all four services over the real broker', () => {
  const namespace = newNamespace();
  const clock = new ManualClock(THURSDAY);
  let orders: TestService;
  let procurement: TestService;
  let delivery: TestService;
  let aftersales: TestService;

  // Ids that link the steps, filled as the flow goes.
  let canteenId: string;
  let orderId: string;
  let porkLine: OrderLineView;
  let eggsLine: OrderLineView;
  let deliveryId: string;
  let exchangeId: string;
  let replacementId: string;
  let replacementDeliveryId: string;

  const canteen = (s: TestService) => s.auth('canteen', { canteenId });
  const driver = () => delivery.auth('driver', { driverId: DRIVER_ID });
  const dispatcher = () => delivery.auth('dispatcher', { sub: 'dispatcher-li' });
  const agent = () => aftersales.auth('aftersales', { sub: 'agent-chen' });
  const getOrder = async (id: string) =>
    (await orders.http().get(`/orders/${id}`).set('Authorization', canteen(orders)).expect(200))
      .body;
  const getReservation = async (id: string) =>
    (
      await procurement
        .http()
        .get(`/reservations/${id}`)
        .set('Authorization', procurement.auth('warehouse'))
    ).body;
  const stockOf = async (sku: string) => {
    const res = await procurement
      .http()
      .get('/stock')
      .set('Authorization', procurement.auth('warehouse'))
      .expect(200);
    return res.body.find((s: { sku: string }) => s.sku === sku);
  };
  const deliveryOfOrder = async (id: string) => {
    const res = await delivery
      .http()
      .get('/deliveries')
      .query({ orderId: id })
      .set('Authorization', dispatcher())
      .expect(200);
    expect(res.body).toHaveLength(1);
    return res.body[0];
  };
  const getRemedy = async (id: string) =>
    (
      await aftersales
        .http()
        .get(`/remedies/${encodeURIComponent(id)}`)
        .set('Authorization', agent())
        .expect(200)
    ).body;
  const driverStep = (id: string, step: string, body?: object) =>
    delivery
      .http()
      .post(`/deliveries/${id}/${step}`)
      .set('Authorization', driver())
      .send(body ?? {});

  beforeAll(async () => {
    [orders, procurement, delivery, aftersales] = await Promise.all([
      startTestService(OrdersAppModule, { service: 'orders', namespace, clock }),
      startTestService(ProcurementAppModule, { service: 'procurement', namespace, clock }),
      startTestService(DeliveryAppModule, { service: 'delivery', namespace, clock }),
      startTestService(AftersalesAppModule, { service: 'aftersales', namespace, clock }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(
      [orders, procurement, delivery, aftersales].map((s) => s?.close({ drop: true })),
    );
  });

  it('R-MENU-1, R-MENU-2, R-INV-1: canteen, ingredients, stock lots and the published weekly menu', async () => {
    canteenId = (
      await orders
        .http()
        .post('/canteens')
        .set('Authorization', orders.auth('ops-manager'))
        .send(aCanteenDto())
        .expect(201)
    ).body.id;
    for (const ingredient of INGREDIENTS) {
      await procurement
        .http()
        .post('/ingredients')
        .set('Authorization', procurement.auth('buyer'))
        .send(ingredient)
        .expect(201);
    }
    // procurement's catalogue reaches orders; the canteen reaches delivery and aftersales.
    await eventually(async () => {
      const skus = await orders.connection
        .collection('ingredients')
        .find()
        .map((i) => i._id)
        .toArray();
      expect(skus.sort()).toEqual(['EGG', 'PORK-BELLY', 'SOY-SAUCE', 'TOMATO']);
      expect(
        await delivery.connection.collection('canteen_copies').findOne({ _id: canteenId as never }),
      ).toMatchObject({ address: aCanteenDto().address });
      expect(
        await aftersales.connection.collection('canteens').findOne({ _id: canteenId as never }),
      ).toMatchObject({ name: aCanteenDto().name });
    });

    const lots = procurement.app.get(LotsService);
    await lots.receive(aLot('pork-new', 'PORK-BELLY', 5_000, 1), 'setup', 'test');
    await lots.receive(aLot('pork-old', 'PORK-BELLY', 5_000, 3), 'setup', 'test');
    await lots.receive(aLot('soy-1', 'SOY-SAUCE', 10_000, 2), 'setup', 'test');
    await lots.receive(aLot('egg-1', 'EGG', 100, 1), 'setup', 'test');
    await lots.receive(aLot('tomato-1', 'TOMATO', 3_000, 1), 'setup', 'test');

    await orders
      .http()
      .put(`/menus/${WEEK}/draft`)
      .set('Authorization', orders.auth('chef'))
      .send(aTwoDishMenu())
      .expect(200);
    await orders
      .http()
      .post(`/menus/${WEEK}/publish`)
      .set('Authorization', orders.auth('chef'))
      .expect(200);
    const menu = await orders
      .http()
      .get(`/menus/${WEEK}`)
      .set('Authorization', canteen(orders))
      .expect(200);
    expect(menu.body.version).toBe(1);
  });

  it('R-ORD-5, R-ORD-2, R-INV-2, R-DEL-1, R-DEL-2: an idempotent order is reserved FIFO, confirmed, and gets a delivery due at the requested time', async () => {
    const place = () =>
      orders
        .http()
        .post('/orders')
        .set('Authorization', canteen(orders))
        .set('Idempotency-Key', 'monday-lunch-0001')
        .send(aLunchOrder());
    const placed = (await place().expect(201)).body;
    orderId = placed.id;
    expect((await place().expect(201)).body.id).toBe(orderId); // R-ORD-5: same key, same order
    expect(placed).toMatchObject({ status: 'placed', total: '840.00', urgent: false });
    porkLine = placed.lines.find((l: OrderLineView) => l.itemId === 'braised-pork');
    eggsLine = placed.lines.find((l: OrderLineView) => l.itemId === 'tomato-eggs');
    expect(porkLine).toMatchObject({ quantity: 40, unitPrice: '15.00', amount: '600.00' });
    expect(eggsLine).toMatchObject({ quantity: 20, unitPrice: '12.00', amount: '240.00' });

    await eventually(async () => expect((await getOrder(orderId)).status).toBe('confirmed'));
    const reservation = await getReservation(orderId);
    expect(reservation.status).toBe('confirmed');
    // Oldest pork lot first: 40 × 150 g = 6 000 g, 5 000 from the old lot, 1 000 from the new.
    expect(reservation.allocations).toEqual(
      expect.arrayContaining([
        { lotId: 'pork-old', sku: 'PORK-BELLY', quantity: 5_000 },
        { lotId: 'pork-new', sku: 'PORK-BELLY', quantity: 1_000 },
        { lotId: 'soy-1', sku: 'SOY-SAUCE', quantity: 400 },
        { lotId: 'egg-1', sku: 'EGG', quantity: 40 },
        { lotId: 'tomato-1', sku: 'TOMATO', quantity: 2_000 },
      ]),
    );
    expect(reservation.allocations).toHaveLength(5);
    // Reserved, not yet issued: still on hand, no longer available.
    expect(await stockOf('PORK-BELLY')).toEqual({
      sku: 'PORK-BELLY',
      onHand: 10_000,
      available: 4_000,
      expired: 0,
    });
    // Only the orders service placed one order under the key.
    expect(await orders.connection.collection('orders').countDocuments({ canteenId })).toBe(1);

    const scheduled = await eventually(() => deliveryOfOrder(orderId));
    deliveryId = scheduled.id;
    expect(scheduled).toMatchObject({
      canteenId,
      status: 'scheduled',
      deadline: REQUESTED_TIME,
      deadlineBasis: 'requested-time',
      destination: { address: aCanteenDto().address, receivingWindow: { from: '06:00' } },
    });
    expect(scheduled.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ lineId: porkLine.lineId, kind: 'dish', quantity: 40 }),
        expect.objectContaining({ lineId: eggsLine.lineId, kind: 'dish', quantity: 20 }),
      ]),
    );
  });

  it('R-DEL-3, R-ORD-4: the dispatcher assigns a driver; pickup dispatches the order, which can no longer change', async () => {
    await delivery
      .http()
      .post('/drivers')
      .set('Authorization', dispatcher())
      .send(aDriverDto())
      .expect(201);
    await delivery
      .http()
      .post(`/deliveries/${deliveryId}/assignment`)
      .set('Authorization', dispatcher())
      .send({ driverId: DRIVER_ID })
      .expect(200);

    clock.set(at('2026-12-07T00:30:00Z')); // 08:30 Shanghai
    await driverStep(deliveryId, 'pickup').expect(200);
    await eventually(async () => expect((await getOrder(orderId)).status).toBe('dispatched'));
    const change = await orders
      .http()
      .put(`/orders/${orderId}`)
      .set('Authorization', canteen(orders))
      .send(aLunchOrder());
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('ORDER.NOT_CHANGEABLE');
  });

  it('R-DEL-3, R-DEL-4, R-INV-4, R-AS-13, R-AS-14: delivered with proof and one line partly rejected → partially delivered, stock issued, exchange opened, follow-ups planned', async () => {
    clock.set(at('2026-12-07T01:20:00Z')); // 09:20 Shanghai, inside the 06:00–17:00 window
    await driverStep(deliveryId, 'check-in').expect(200);
    clock.set(at('2026-12-07T01:30:00Z'));
    const delivered = await driverStep(deliveryId, 'delivered', {
      lines: [
        {
          lineId: porkLine.lineId,
          acceptedQuantity: 35,
          rejectedQuantity: 5,
          rejectionReason: 'damaged',
        },
        { lineId: eggsLine.lineId, acceptedQuantity: 20, rejectedQuantity: 0 },
      ],
      proof: aProof('2026-12-07T01:28:00.000Z'),
    }).expect(200);
    expect(delivered.body).toMatchObject({
      status: 'delivered',
      deliveredAt: '2026-12-07T01:30:00.000Z',
    });

    // orders: partially delivered, the accepted goods at the order's prices (35 × 15 + 20 × 12).
    await eventually(async () =>
      expect((await getOrder(orderId)).status).toBe('partially-delivered'),
    );
    const order = await getOrder(orderId);
    expect(order.delivery).toMatchObject({
      deliveryId,
      deliveredAt: '2026-12-07T01:30:00.000Z',
      acceptedAmount: '765.00',
    });
    expect(order.delivery.lines).toEqual(
      expect.arrayContaining([
        { lineId: porkLine.lineId, acceptedQuantity: 35, rejectedQuantity: 5 },
        { lineId: eggsLine.lineId, acceptedQuantity: 20, rejectedQuantity: 0 },
      ]),
    );
    const statement = await orders
      .http()
      .get(`/canteens/${canteenId}/statements/2026-12`)
      .set('Authorization', canteen(orders))
      .expect(200);
    expect(statement.body).toMatchObject({
      deliveries: [{ orderId, amount: '765.00' }],
      delivered: '765.00',
      credited: '0.00',
      balance: '765.00',
    });

    // procurement: the whole reservation is issued (the rejected 5 portions come back via aftersales).
    await eventually(async () => expect((await getReservation(orderId)).status).toBe('issued'));
    expect(await stockOf('PORK-BELLY')).toEqual({
      sku: 'PORK-BELLY',
      onHand: 4_000,
      available: 4_000,
      expired: 0,
    });
    expect(await stockOf('EGG')).toEqual({ sku: 'EGG', onHand: 60, available: 60, expired: 0 });
    const ledger = await procurement
      .http()
      .get('/ledger')
      .query({ sku: 'PORK-BELLY' })
      .set('Authorization', procurement.auth('warehouse'))
      .expect(200);
    const issues = ledger.body.filter((m: { kind: string; ref: string }) => m.kind === 'issue');
    expect(
      issues.map((m: { lotId: string; onHandDelta: number; ref: string }) => [
        m.lotId,
        m.onHandDelta,
        m.ref,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['pork-old', -5_000, orderId],
        ['pork-new', -1_000, orderId],
      ]),
    );
    expect(issues).toHaveLength(2);

    // aftersales R-DEL-4: an exchange for exactly the rejected quantity, at the company's cost,
    // due 2 h after delivery for cooked food.
    exchangeId = `${deliveryId}:${porkLine.lineId}`;
    const remedy = await eventually(() => getRemedy(exchangeId));
    expect(remedy).toMatchObject({
      id: exchangeId,
      canteenId,
      originalOrderId: orderId,
      type: 'exchange',
      status: 'open',
      atCompanyCost: true,
      needBy: '2026-12-07T03:30:00.000Z',
    });
    expect(remedy.lines).toEqual([
      expect.objectContaining({ lineId: porkLine.lineId, quantity: 5 }),
    ]);
    const remedies = await aftersales
      .http()
      .get('/remedies')
      .query({ canteenId })
      .set('Authorization', agent())
      .expect(200);
    expect(remedies.body.map((r: { id: string }) => r.id)).toEqual([exchangeId]); // nothing for the accepted line

    // R-AS-13: the satisfaction call the next Shanghai day; R-AS-14: the first follow-up days 3–7.
    const followUps = await eventually(async () => {
      const res = await aftersales
        .http()
        .get('/follow-ups')
        .query({ triggerId: deliveryId })
        .set('Authorization', agent())
        .expect(200);
      expect(res.body).toHaveLength(2);
      return res.body as { kind: string; canteenId: string; window: object }[];
    });
    expect(followUps.map((f) => [f.kind, f.canteenId, f.window])).toEqual(
      expect.arrayContaining([
        ['satisfaction-call', canteenId, { from: '2026-12-08', to: '2026-12-08' }],
        ['first-follow-up', canteenId, { from: '2026-12-10', to: '2026-12-14' }],
      ]),
    );
  });

  it('R-AS-6, R-ORD-3, R-DEL-1: an approved exchange becomes an urgent free replacement order, linked both ways, reserved and scheduled by its need-by time', async () => {
    clock.set(at('2026-12-07T01:35:00Z'));
    // The canteen wants the replacement before lunch, at 11:00 Shanghai.
    await aftersales
      .http()
      .post(`/remedies/${encodeURIComponent(exchangeId)}/choice`)
      .set('Authorization', canteen(aftersales))
      .send({ remedy: 'exchange', needBy: '2026-12-07T03:00:00.000Z' })
      .expect(200);
    await aftersales
      .http()
      .post(`/remedies/${encodeURIComponent(exchangeId)}/approval`)
      .set('Authorization', agent())
      .expect(200);

    const replacement = await eventually(async () => {
      const res = await orders
        .http()
        .get('/orders')
        .set('Authorization', canteen(orders))
        .expect(200);
      const found = res.body.filter((o: { id: string }) => o.id !== orderId);
      expect(found).toHaveLength(1);
      return found[0];
    });
    replacementId = replacement.id;
    expect(replacement).toMatchObject({
      canteenId,
      urgent: true,
      needBy: '2026-12-07T03:00:00.000Z',
      total: '0.00',
      replacementFor: { exchangeId, originalOrderId: orderId },
    });
    expect(replacement.lines).toEqual([
      expect.objectContaining({
        kind: 'dish',
        itemId: 'braised-pork',
        quantity: 5,
        unitPrice: '0.00',
        amount: '0.00',
        notes: `replaces ${orderId}/${porkLine.lineId}`,
      }),
    ]);

    // aftersales links the replacement order to the exchange.
    await eventually(async () =>
      expect(await getRemedy(exchangeId)).toMatchObject({
        status: 'replacement-ordered',
        replacementOrderId: replacementId,
      }),
    );

    // procurement reserves 5 × 150 g of pork from what is left of the newer lot; orders confirms.
    await eventually(async () => expect((await getOrder(replacementId)).status).toBe('confirmed'));
    expect((await getReservation(replacementId)).allocations).toEqual(
      expect.arrayContaining([
        { lotId: 'pork-new', sku: 'PORK-BELLY', quantity: 750 },
        { lotId: 'soy-1', sku: 'SOY-SAUCE', quantity: 50 },
      ]),
    );

    // delivery: its own delivery, due by the canteen's need-by time.
    const scheduled = await eventually(() => deliveryOfOrder(replacementId));
    replacementDeliveryId = scheduled.id;
    expect(replacementDeliveryId).not.toBe(deliveryId);
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      deadline: '2026-12-07T03:00:00.000Z',
      deadlineBasis: 'need-by',
      replacementForExchangeId: exchangeId,
    });
    expect(scheduled.lines).toEqual([expect.objectContaining({ kind: 'dish', quantity: 5 })]);
  });

  it('R-DEL-5, R-AS-8: the replacement misses its need-by time → breach in delivery → incident and proposed 30.00 fine for the driver in aftersales', async () => {
    const sweep = () => delivery.app.get(SlaSweepService).runDueTimers();
    // 01:35 is already within 2 h of the 03:00 deadline and nothing left the kitchen: at risk, once.
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);

    await delivery
      .http()
      .post(`/deliveries/${replacementDeliveryId}/assignment`)
      .set('Authorization', dispatcher())
      .send({ driverId: DRIVER_ID })
      .expect(200);
    clock.advance(10 * MINUTE_MS);
    await driverStep(replacementDeliveryId, 'pickup').expect(200);

    clock.set(at('2026-12-07T03:01:00Z')); // one minute past the need-by time, still on the road
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const late = (
      await delivery
        .http()
        .get(`/deliveries/${replacementDeliveryId}`)
        .set('Authorization', dispatcher())
        .expect(200)
    ).body;
    expect(late.status).toBe('picked-up');
    expect(late.breaches).toEqual([
      expect.objectContaining({
        deadline: '2026-12-07T03:00:00.000Z',
        detectedAt: '2026-12-07T03:01:00.000Z',
      }),
    ]);

    const penaltyId = `breach-${replacementDeliveryId}`;
    const penalty = await eventually(
      async () =>
        (
          await aftersales
            .http()
            .get(`/penalties/${penaltyId}`)
            .set('Authorization', aftersales.auth('aftersales-lead'))
            .expect(200)
        ).body,
    );
    expect(penalty).toMatchObject({
      staffId: DRIVER_ID,
      amount: '30.00',
      status: 'proposed',
      holdUntil: new Date(at('2026-12-07T03:01:00Z').getTime() + 3 * DAY_MS).toISOString(),
    });
    const incident = await aftersales.connection
      .collection('incidents')
      .findOne({ _id: replacementDeliveryId as never });
    expect(incident).toMatchObject({ status: 'open', penaltyId });
    // The original delivery was on time: no breach, no fine.
    expect(
      await aftersales.connection.collection('incidents').findOne({ _id: deliveryId as never }),
    ).toBeNull();
  });
});
