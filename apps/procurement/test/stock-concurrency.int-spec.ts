/**
 * Stock invariants against the real database: many orders racing for the last units, backorder
 * retries in placement order, release, issue, quarantine and write-off — and the ledger rebuilds it all.
 */
import { DAY_MS, fromShanghai, HOUR_MS } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  TestService,
} from '@app/common/testing';
import { ProcurementAppModule } from '../src/app.module';
import { balancesOf } from '../src/inventory/domain/lot';
import { rebuildStock } from '../src/inventory/domain/stock-ledger';
import { InventoryScheduler } from '../src/inventory/inventory.scheduler';
import { LotDoc } from '../src/inventory/lots/lot.schema';
import { LotsService, NewLot } from '../src/inventory/lots/lots.service';
import { ReservationsService } from '../src/inventory/reservations/reservations.service';
import { anIngredient, anOrderPlaced } from './procurement-fixtures';

describe('stock under concurrency (integration)', () => {
  let svc: TestService;
  let probe: KafkaProbe;
  let lots: LotsService;
  let reservations: ReservationsService;
  const now = fromShanghai(2026, 3, 9, 8);

  function aLot(overrides: Partial<NewLot> = {}): NewLot {
    return {
      lotId: 'lot-1',
      sku: 'RICE',
      receivedAt: new Date(now.getTime() - DAY_MS),
      expiresAt: new Date(now.getTime() + 30 * DAY_MS),
      quantityReceived: 20,
      ...overrides,
    };
  }

  async function allLots(): Promise<LotDoc[]> {
    return lots.list({});
  }

  beforeAll(async () => {
    const namespace = newNamespace();
    svc = await startTestService(ProcurementAppModule, { service: 'procurement', namespace });
    svc.clock.set(now);
    probe = new KafkaProbe(namespace);
    lots = svc.app.get(LotsService);
    reservations = svc.app.get(ReservationsService);
    await svc
      .http()
      .post('/ingredients')
      .set('Authorization', svc.auth('buyer'))
      .send(
        anIngredient({
          sku: 'RICE',
          name: '大米',
          category: 'grain',
          storage: 'dry',
          shelfLifeDays: 180,
        }),
      )
      .expect(201);
  });

  afterAll(async () => {
    await svc.close({ drop: true });
  });

  const orders = Array.from({ length: 60 }, (_, i) =>
    anOrderPlaced([{ sku: 'RICE', quantity: 1 }], {
      orderId: `race-${String(i).padStart(2, '0')}`,
      placedAt: new Date(now.getTime() - (60 - i) * 60_000).toISOString(),
    }),
  );

  it('R-INV-3: 60 concurrent reservations for the last 50 units reserve exactly 50; stock never negative', async () => {
    await lots.receive(aLot({ lotId: 'lot-1', quantityReceived: 20 }), 'setup', 'test');
    await lots.receive(
      aLot({ lotId: 'lot-2', quantityReceived: 30, receivedAt: now }),
      'setup',
      'test',
    );

    await Promise.all(orders.map((o) => reservations.onOrderFacts(o)));

    const stored = await Promise.all(orders.map((o) => reservations.get(o.orderId)));
    const confirmed = stored.filter((r) => r.status === 'confirmed');
    expect(confirmed).toHaveLength(50);
    expect(stored.filter((r) => r.status === 'backordered')).toHaveLength(10);
    expect(confirmed.flatMap((r) => r.allocations).reduce((s, a) => s + a.quantity, 0)).toBe(50);
    const after = await allLots();
    expect(after.map((l) => [l._id, l.onHand, l.available])).toEqual([
      ['lot-1', 20, 0],
      ['lot-2', 30, 0],
    ]);
    const ledger = await lots.ledger({ sku: 'RICE' });
    for (const lot of after) {
      const held = ledger
        .filter((e) => e.lotId === lot._id)
        .reduce((sum, e) => sum + (e.holdDelta ?? 0), 0);
      expect(held).toBe(lot.onHand - lot.available);
    }
  });

  it('R-INV-3: a redelivered placement changes nothing (same order, same revision)', async () => {
    await reservations.onOrderFacts(orders[0]);
    expect((await allLots()).map((l) => l.available)).toEqual([0, 0]);
  });

  it('R-INV-3: new stock confirms backorders in order of placement', async () => {
    const backordered = (await Promise.all(orders.map((o) => reservations.get(o.orderId)))).filter(
      (r) => r.status === 'backordered',
    );
    const oldestFirst = [...backordered]
      .sort((a, b) => a.placedAt!.getTime() - b.placedAt!.getTime())
      .map((r) => r._id);
    const shortage = await svc
      .http()
      .get('/shortages')
      .set('Authorization', svc.auth('buyer'))
      .expect(200);
    expect(shortage.body).toEqual([{ sku: 'RICE', quantity: 10, orders: 10 }]);

    await lots.receive(
      aLot({ lotId: 'lot-3', quantityReceived: 4, receivedAt: now }),
      'setup',
      'test',
    );
    expect(await reservations.retryBackorders()).toEqual(oldestFirst.slice(0, 4));
  });

  it('R-ORD-4 / R-INV-4: cancellation releases and delivery issues, over Kafka; the ledger rebuilds every lot', async () => {
    const [cancelled, delivered] = (
      await Promise.all(orders.map((o) => reservations.get(o.orderId)))
    ).filter((r) => r.status === 'confirmed');
    await probe.publish(
      'orders.order.cancelled',
      cancelled._id,
      {
        orderId: cancelled._id,
        canteenId: 'canteen-1',
        cancelledAt: now.toISOString(),
      },
      new Date(),
    );
    await probe.publish(
      'delivery.delivery.completed',
      delivered._id,
      {
        deliveryId: 'del-1',
        orderId: delivered._id,
        canteenId: 'canteen-1',
        deadline: now.toISOString(),
        driverId: 'driver-1',
        deliveredAt: now.toISOString(),
        onTime: true,
        receiverName: '王',
        lines: [],
      },
      new Date(),
    );
    await eventually(async () => {
      expect((await reservations.get(cancelled._id)).status).toBe('released');
      expect((await reservations.get(delivered._id)).status).toBe('issued');
    });

    const stock = await svc
      .http()
      .get('/stock')
      .set('Authorization', svc.auth('warehouse'))
      .expect(200);
    expect(stock.body).toEqual([{ sku: 'RICE', onHand: 53, available: 1, expired: 0 }]);
    const current = await allLots();
    const rebuilt = rebuildStock(await lots.ledger());
    for (const lot of current)
      expect(rebuilt.byLot.get(lot._id)).toEqual({ onHand: lot.onHand, available: lot.available });
    // The HTTP listing shows the same balances the ledger sums to.
    const listed = await svc
      .http()
      .get('/lots?sku=RICE')
      .set('Authorization', svc.auth('warehouse'))
      .expect(200);
    for (const lot of listed.body as { lotId: string; onHand: number; available: number }[]) {
      expect(rebuilt.byLot.get(lot.lotId)).toEqual({
        onHand: lot.onHand,
        available: lot.available,
      });
    }
    const ledger = await svc
      .http()
      .get('/ledger?sku=RICE')
      .set('Authorization', svc.auth('warehouse'))
      .expect(200);
    const kinds = new Set((ledger.body as { kind: string }[]).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['issue', 'receipt', 'release', 'reservation']);
    expect(balancesOf(ledger.body)).toEqual({ onHand: 53, available: 1 });
  });

  it('R-INV-2: the sweep quarantines a lot at expiry; it is written off with a reason once nothing holds it', async () => {
    await lots.receive(
      aLot({
        lotId: 'milk-1',
        sku: 'MILK',
        expiresAt: new Date(now.getTime() + 2 * HOUR_MS),
        quantityReceived: 12,
      }),
      'setup',
      'test',
    );
    svc.clock.set(new Date(now.getTime() + 2 * HOUR_MS));
    await svc.app.get(InventoryScheduler).sweep();
    const quarantined = await lots.get('milk-1');
    expect(quarantined).toMatchObject({ status: 'quarantined', onHand: 12, available: 0 });
    await svc
      .http()
      .post('/lots/milk-1/write-off')
      .set('Authorization', svc.auth('warehouse'))
      .send({ reason: '' })
      .expect(400);
    await svc
      .http()
      .post('/lots/milk-1/write-off')
      .set('Authorization', svc.auth('buyer'))
      .send({ reason: 'expired' })
      .expect(403);
    const written = await svc
      .http()
      .post('/lots/milk-1/write-off')
      .set('Authorization', svc.auth('warehouse'))
      .send({ reason: 'expired' })
      .expect(201);
    expect(written.body).toMatchObject({ status: 'written-off', onHand: 0, available: 0 });
    expect(rebuildStock(await lots.ledger({ sku: 'MILK' })).byLot.get('milk-1')).toEqual({
      onHand: 0,
      available: 0,
    });
  });
  it('R-ORD-4: a changed order re-reserves its new demand; an older revision is ignored; too much is backordered holding nothing', async () => {
    await lots.receive(aLot({ lotId: 'oil-1', sku: 'OIL', quantityReceived: 10 }), 'setup', 'test');
    const placed = anOrderPlaced([{ sku: 'OIL', quantity: 4 }], { orderId: 'change-me' });
    await reservations.onOrderFacts(placed);
    await reservations.onOrderFacts({
      ...placed,
      revision: 2,
      ingredientDemand: [{ sku: 'OIL', quantity: 7 }],
    });
    expect(await reservations.get('change-me')).toMatchObject({
      status: 'confirmed',
      revision: 2,
      allocations: [{ lotId: 'oil-1', sku: 'OIL', quantity: 7 }],
    });
    expect(await lots.get('oil-1')).toMatchObject({ onHand: 10, available: 3 });

    await reservations.onOrderFacts(placed); // revision 1 redelivered late
    expect((await reservations.get('change-me')).revision).toBe(2);

    await reservations.onOrderFacts({
      ...placed,
      revision: 3,
      ingredientDemand: [{ sku: 'OIL', quantity: 11 }],
    });
    expect(await reservations.get('change-me')).toMatchObject({
      status: 'backordered',
      missing: [{ sku: 'OIL', quantity: 1 }],
    });
    expect(await lots.get('oil-1')).toMatchObject({ onHand: 10, available: 10 });
  });
  it('R-INV-3: the same order delivered ten times at once is reserved once', async () => {
    await lots.receive(
      aLot({ lotId: 'salt-1', sku: 'SALT', quantityReceived: 100 }),
      'setup',
      'test',
    );
    const placed = anOrderPlaced([{ sku: 'SALT', quantity: 30 }], { orderId: 'twin' });
    await Promise.all(Array.from({ length: 10 }, () => reservations.onOrderFacts(placed)));
    expect(await reservations.get('twin')).toMatchObject({
      status: 'confirmed',
      allocations: [{ lotId: 'salt-1', sku: 'SALT', quantity: 30 }],
    });
    expect(await lots.get('salt-1')).toMatchObject({ onHand: 100, available: 70 });
  });

  it('R-INV-3: a placement delivered twice under one id over Kafka reserves once and confirms once', async () => {
    await lots.receive(aLot({ lotId: 'soy-1', sku: 'SOY', quantityReceived: 10 }), 'setup', 'test');
    const order = anOrderPlaced([{ sku: 'SOY', quantity: 4 }], { placedAt: now.toISOString() });
    await probe.publishTwice('orders.order.placed', order.orderId, order, now);
    await svc.caughtUp();
    expect(await lots.get('soy-1')).toMatchObject({ onHand: 10, available: 6 });
    const reserved = (await lots.ledger({ sku: 'SOY' })).filter((e) => e.kind === 'reservation');
    expect(reserved).toHaveLength(1);
    await svc.flushOutbox();
    const confirmed = (await probe.events('procurement.reservation.events')).filter(
      (e) => e.subject === order.orderId && e.type === 'procurement.reservation.confirmed',
    );
    expect(confirmed).toHaveLength(1);
  });

  it('R-INV-3: ten workers racing on one new order: one takes the lease, the order is reserved once, no lease is left', async () => {
    await lots.receive(aLot({ lotId: 'oil-1', sku: 'OIL', quantityReceived: 10 }), 'setup', 'test');
    const order = anOrderPlaced([{ sku: 'OIL', quantity: 3 }], { placedAt: now.toISOString() });
    await Promise.all(Array.from({ length: 10 }, () => reservations.onOrderFacts(order)));
    expect(await lots.get('oil-1')).toMatchObject({ available: 7 });
    expect(await reservations.get(order.orderId)).toMatchObject({ status: 'confirmed' });
    expect((await reservations.get(order.orderId)).lease).toBeUndefined();
  });

  it('R-INV-3: a lease whose holder died is taken over once it has run out, and the order is reserved', async () => {
    await lots.receive(
      aLot({ lotId: 'sugar-1', sku: 'SUGAR', quantityReceived: 10 }),
      'setup',
      'test',
    );
    const order = anOrderPlaced([{ sku: 'SUGAR', quantity: 2 }], { placedAt: now.toISOString() });
    await svc.connection.collection('reservations').insertOne({
      _id: order.orderId as never,
      revision: 0,
      status: 'pending',
      lease: { id: 'dead-worker', until: new Date(now.getTime() - 1) },
    });
    await reservations.onOrderFacts(order);
    expect(await reservations.get(order.orderId)).toMatchObject({
      status: 'confirmed',
      revision: 1,
    });
    expect(await lots.get('sugar-1')).toMatchObject({ available: 8 });
  });

  it('R-INV-3: after an attempt that failed midway (the database went away), the retry takes its lease at once and reserves once', async () => {
    await lots.receive(
      aLot({ lotId: 'flour-1', sku: 'FLOUR', quantityReceived: 10 }),
      'setup',
      'test',
    );
    const order = anOrderPlaced([{ sku: 'FLOUR', quantity: 2 }], { placedAt: now.toISOString() });
    const portFor = lots.portFor.bind(lots);
    jest.spyOn(lots, 'portFor').mockImplementationOnce((...args) => ({
      ...portFor(...args),
      take: () => Promise.reject(new Error('connection 7 to 127.0.0.1:27017 closed')),
    }));
    await expect(reservations.onOrderFacts(order)).rejects.toThrow('closed');
    expect((await reservations.get(order.orderId)).lease).toBeDefined(); // left behind
    // Without the takeover this waits for the lease, then fails with RESERVATION.BUSY.
    await reservations.onOrderFacts(order);
    expect(await reservations.get(order.orderId)).toMatchObject({
      status: 'confirmed',
      revision: 1,
    });
    expect((await reservations.get(order.orderId)).lease).toBeUndefined();
    expect(await lots.get('flour-1')).toMatchObject({ available: 8 });
  });
});
