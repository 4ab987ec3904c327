/**
 * R-AS-6 over the real broker: a 3-line order of awkward per-gram prices carries its exact prices
 * in `orders.order.placed`, so anything computed from the event is the fen orders charged, and
 * returning the goods (one line in two parts) credits exactly what was charged.
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
import { aCanteenDto, anIngredient, eventsOn } from '../testing/int-helpers';

const THURSDAY = new Date('2026-12-03T02:00:00Z');

describe('exact money from order to credit (real broker)', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  const clock = new ManualClock(THURSDAY);
  let orders: TestService;
  let canteenId: string;

  beforeAll(async () => {
    orders = await startTestService(OrdersAppModule, { service: 'orders', namespace, clock });
    for (const [sku, name] of [
      ['GINGER', '生姜'],
      ['SCALLION', '小葱'],
      ['BEEF', '牛腩'],
    ] as const) {
      await probe.publish(
        'procurement.ingredient.registered',
        sku,
        anIngredient(sku, name),
        THURSDAY,
      );
    }
    await probe.publish(
      'procurement.prices.approved',
      '2026-W50',
      {
        week: '2026-W50',
        prices: [
          { sku: 'GINGER', supplierId: 'sup-a', priceFen: 1_234, priceUnitQuantity: 1_000 },
          { sku: 'SCALLION', supplierId: 'sup-a', priceFen: 899, priceUnitQuantity: 500 },
          { sku: 'BEEF', supplierId: 'sup-a', priceFen: 2_999, priceUnitQuantity: 1_000 },
        ],
      },
      THURSDAY,
    );
    canteenId = (
      await orders
        .http()
        .post('/canteens')
        .set('Authorization', orders.auth('ops-manager'))
        .send(aCanteenDto())
        .expect(201)
    ).body.id;
    await orders
      .http()
      .put(`/canteens/${canteenId}/markup`)
      .set('Authorization', orders.auth('ops-manager'))
      .send({ markupBp: 750 })
      .expect(200);
    await eventually(async () => {
      expect(await orders.connection.collection('ingredients').countDocuments()).toBe(3);
      expect(await orders.connection.collection('approved_prices').countDocuments()).toBe(1);
    });
  });

  afterAll(async () => {
    await orders?.close({ drop: true });
  });

  it('R-AS-6: a 3-line order of awkward per-gram prices credits exactly what was charged', async () => {
    const placed = await orders
      .http()
      .post('/orders')
      .set('Authorization', orders.auth('canteen', { canteenId }))
      .set('Idempotency-Key', 'exact-money-1')
      .send({
        dishes: [],
        ingredients: [
          { sku: 'GINGER', quantity: 333 },
          { sku: 'SCALLION', quantity: 1_667 },
          { sku: 'BEEF', quantity: 2_501 },
        ],
        requestedTime: '2026-12-07T02:00:00Z',
      })
      .expect(201);
    const orderId = placed.body.id as string;
    const chargedFen = yuanToFen(placed.body.total);

    // The event carries the exact price: amounts computed from it are the fen orders charged.
    const event = await eventually(async () => {
      const found = (await eventsOn(probe, 'orders.order.events')).find(
        (e) => e.type === 'orders.order.placed' && e.subject === orderId,
      );
      expect(found).toBeDefined();
      return found!;
    });
    const lines = event.data.lines as {
      lineId: string;
      quantity: number;
      unitPriceFen: number;
      amountFen: number;
      price: { priceFen: number; priceUnitQuantity: number; markupBp: number };
    }[];
    expect(lines.map((l) => l.price)).toEqual([
      { priceFen: 1_234, priceUnitQuantity: 1_000, markupBp: 750 },
      { priceFen: 899, priceUnitQuantity: 500, markupBp: 750 },
      { priceFen: 2_999, priceUnitQuantity: 1_000, markupBp: 750 },
    ]);
    for (const l of lines) expect(amountAtExactPrice(l.quantity, l.price)).toBe(l.amountFen);
    expect(lines.reduce((s, l) => s + l.amountFen, 0)).toBe(chargedFen);
    // The rounded per-gram figure alone would be off by far more than a fen.
    expect(lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0)).not.toBe(chargedFen);

    await probe.publish(
      'delivery.delivery.completed',
      orderId,
      {
        deliveryId: 'dlv-exact',
        orderId,
        canteenId,
        deadline: '2026-12-07T02:00:00Z',
        driverId: 'driver-1',
        deliveredAt: '2026-12-07T01:30:00Z',
        onTime: true,
        receiverName: '王经理',
        lines: lines.map((l, i) => ({
          lineId: l.lineId,
          kind: 'ingredient' as const,
          itemId: ['GINGER', 'SCALLION', 'BEEF'][i],
          name: ['生姜', '小葱', '牛腩'][i],
          orderedQuantity: l.quantity,
          acceptedQuantity: l.quantity,
          rejectedQuantity: 0,
        })),
      },
      THURSDAY,
    );
    const [ginger, scallion, beef] = lines;
    const returns = [
      { returnId: 'ret-a', lines: [{ lineId: ginger.lineId, quantity: 111 }] },
      {
        returnId: 'ret-b',
        lines: [
          { lineId: ginger.lineId, quantity: 222 },
          { lineId: scallion.lineId, quantity: scallion.quantity },
          { lineId: beef.lineId, quantity: beef.quantity },
        ],
      },
    ];
    await eventually(async () => {
      const order = await orders
        .http()
        .get(`/orders/${orderId}`)
        .set('Authorization', orders.auth('canteen', { canteenId }))
        .expect(200);
      expect(order.body.status).toBe('delivered');
    });
    for (const r of returns) {
      await probe.publish(
        'aftersales.return.approved',
        r.returnId,
        { ...r, canteenId, originalOrderId: orderId, approvedAt: '2026-12-08T02:00:00Z' },
        THURSDAY,
      );
      await eventually(async () =>
        expect(
          await orders.connection
            .collection('canteen_credits')
            .countDocuments({ _id: r.returnId as never }),
        ).toBe(1),
      );
    }
    const statement = (
      await orders
        .http()
        .get(`/canteens/${canteenId}/statements/2026-12`)
        .set('Authorization', orders.auth('canteen', { canteenId }))
        .expect(200)
    ).body;
    expect(yuanToFen(statement.delivered)).toBe(chargedFen);
    expect(statement.credited).toBe(statement.delivered);
    expect(statement.balance).toBe('0.00');
    // Ginger, 333 g charged 4.42: credited 1.47 for the first 111 g and 2.95 for the rest.
    expect(statement.credits.find((c: { returnId: string }) => c.returnId === 'ret-a').amount).toBe(
      '1.47',
    );
  });
});
