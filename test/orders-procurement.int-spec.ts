/**
 * Orders and procurement together over the real broker: an order reserves stock first-in
 * first-out (R-ORD-2, R-INV-2), a shortage is backordered and confirmed when stock arrives,
 * and cancelling releases the reservation (R-ORD-4).
 */

import { DAY_MS, ManualClock } from '@app/common';
import { eventually, newNamespace, startTestService, type TestService } from '@app/common/testing';
import { OrdersAppModule } from '../apps/orders/src/app.module';
import { ProcurementAppModule } from '../apps/procurement/src/app.module';
import { LotsService } from '../apps/procurement/src/inventory/lots/lots.service';
import { ReservationsService } from '../apps/procurement/src/inventory/reservations/reservations.service';
import { aCanteenDto, aMenuDraftDto, anOrderDto } from '../apps/orders/src/testing/int-helpers';

const THURSDAY = new Date('2026-12-03T02:00:00Z');

describe('orders × procurement over the real broker', () => {
  const namespace = newNamespace();
  const clock = new ManualClock(THURSDAY);
  let orders: TestService;
  let procurement: TestService;
  let canteen: string;

  beforeAll(async () => {
    [orders, procurement] = await Promise.all([
      startTestService(OrdersAppModule, { service: 'orders', namespace, clock }),
      startTestService(ProcurementAppModule, { service: 'procurement', namespace, clock }),
    ]);
    for (const [sku, name, unit] of [
      ['PORK-BELLY', '五花肉', 'g'],
      ['SOY-SAUCE', '酱油', 'ml'],
    ]) {
      await procurement
        .http()
        .post('/ingredients')
        .set('Authorization', procurement.auth('buyer'))
        .send({ sku, name, unit, category: 'meat', storage: 'chilled', shelfLifeDays: 10 })
        .expect(201);
    }
    await eventually(async () =>
      expect(await orders.connection.collection('ingredients').countDocuments()).toBe(2),
    );
    canteen = (
      await orders
        .http()
        .post('/canteens')
        .set('Authorization', orders.auth('ops-manager'))
        .send(aCanteenDto())
        .expect(201)
    ).body.id;
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
    const lots = procurement.app.get(LotsService);
    const lot = (lotId: string, sku: string, qty: number, ageDays: number) => ({
      lotId,
      sku,
      receivedAt: new Date(THURSDAY.getTime() - ageDays * DAY_MS),
      expiresAt: new Date(THURSDAY.getTime() + 30 * DAY_MS),
      quantityReceived: qty,
    });
    await lots.receive(lot('pork-new', 'PORK-BELLY', 5000, 1), 'setup', 'test');
    await lots.receive(lot('pork-old', 'PORK-BELLY', 5000, 3), 'setup', 'test');
    await lots.receive(lot('soy-1', 'SOY-SAUCE', 10000, 2), 'setup', 'test');
  });

  afterAll(async () => {
    await Promise.all([orders, procurement].map((s) => s?.close({ drop: true })));
  });

  const place = (key: string) =>
    orders
      .http()
      .post('/orders')
      .set('Authorization', orders.auth('canteen', { canteenId: canteen }))
      .set('Idempotency-Key', key)
      .send(anOrderDto({ ingredients: [] }));
  const get = (id: string) =>
    orders
      .http()
      .get(`/orders/${id}`)
      .set('Authorization', orders.auth('canteen', { canteenId: canteen }));

  it('R-ORD-2, R-INV-2, R-ORD-4: confirmed FIFO, then backordered and confirmed once stock arrives, cancel releases', async () => {
    const first = (await place('e2e-key-0001').expect(201)).body.id;
    await eventually(async () => expect((await get(first)).body.status).toBe('confirmed'));
    const res = await procurement
      .http()
      .get(`/reservations/${first}`)
      .set('Authorization', procurement.auth('warehouse'));
    expect(res.body.allocations).toEqual([
      { lotId: 'pork-old', sku: 'PORK-BELLY', quantity: 5000 },
      { lotId: 'pork-new', sku: 'PORK-BELLY', quantity: 1000 },
      { lotId: 'soy-1', sku: 'SOY-SAUCE', quantity: 400 },
    ]);
    const second = (await place('e2e-key-0002').expect(201)).body.id;
    await eventually(async () =>
      expect((await get(second)).body).toMatchObject({
        status: 'backordered',
        missing: [{ sku: 'PORK-BELLY', quantity: 2000 }],
      }),
    );
    await procurement.app.get(LotsService).receive(
      {
        lotId: 'pork-3',
        sku: 'PORK-BELLY',
        receivedAt: THURSDAY,
        expiresAt: new Date(THURSDAY.getTime() + 10 * DAY_MS),
        quantityReceived: 3000,
      },
      'setup',
      'test',
    );
    await procurement.app.get(ReservationsService).retryBackorders();
    await eventually(async () => expect((await get(second)).body.status).toBe('confirmed'));
    await orders
      .http()
      .post(`/orders/${second}/cancel`)
      .set('Authorization', orders.auth('canteen', { canteenId: canteen }))
      .expect(200);
    await eventually(async () => {
      const r = await procurement
        .http()
        .get(`/reservations/${second}`)
        .set('Authorization', procurement.auth('warehouse'));
      expect(r.body.status).toBe('released');
    });
  });
});
