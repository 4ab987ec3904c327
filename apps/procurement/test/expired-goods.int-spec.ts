/**
 * Expired goods never enter or show as stock, against the real broker and database:
 * R-PROC-7 keeps goods past their best-before out at the door (reason `expired`, never charged),
 * R-INV-2 judges `/stock` against the clock at read time, before any quarantine sweep.
 */
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DAY_MS, fromShanghai, HOUR_MS } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  TestService,
} from '@app/common/testing';
import { ProcurementAppModule } from '../src/app.module';
import { LotsService } from '../src/inventory/lots/lots.service';
import { newPurchaseOrder } from '../src/purchase-orders/domain/purchase-order';
import { PurchaseOrderDoc } from '../src/purchase-orders/purchase-order.schema';
import { anIngredient, anOrderPlaced, aSupplier, eventsOf } from './procurement-fixtures';

const WEEK = '2026-W11';

describe('expired goods are kept out of stock (integration)', () => {
  let svc: TestService;
  let probe: KafkaProbe;
  let supplierId: string;
  const keeper = () => svc.auth('warehouse', { sub: 'wh-zhao' });
  const chef = () => svc.auth('chef', { sub: 'chef-chen' });

  /** A purchase order at an approved price, stored as the buyer's HTTP call would store it. */
  async function aPurchaseOrder(quantity: number): Promise<string> {
    const approved = [{ sku: 'TOFU', supplierId, priceFen: 500, priceUnitQuantity: 1000 }];
    const po = newPurchaseOrder(
      WEEK,
      supplierId,
      [{ sku: 'TOFU', quantity, priceFen: 500, priceUnitQuantity: 1000 }],
      approved,
      { userId: 'buyer-wang', role: 'buyer' },
      svc.clock.now(),
    );
    const id = `po-${Math.random().toString(36).slice(2)}`;
    await svc.app
      .get<Model<PurchaseOrderDoc>>(getModelToken(PurchaseOrderDoc.name))
      .create({ _id: id, ...po, appliedReceipts: {}, version: 1 });
    return id;
  }

  const stockOf = async (sku: string) =>
    (await svc.http().get('/stock').set('Authorization', keeper()).expect(200)).body.find(
      (s: { sku: string }) => s.sku === sku,
    );

  beforeAll(async () => {
    const namespace = newNamespace();
    svc = await startTestService(ProcurementAppModule, { service: 'procurement', namespace });
    svc.clock.set(fromShanghai(2026, 3, 10, 7)); // Tuesday 07:00
    probe = new KafkaProbe(namespace);
    await svc
      .http()
      .post('/ingredients')
      .set('Authorization', svc.auth('buyer'))
      .send(
        anIngredient({
          sku: 'TOFU',
          name: '豆腐',
          category: 'soy',
          storage: 'chilled',
          shelfLifeDays: 5,
        }),
      )
      .expect(201);
    supplierId = (
      await svc
        .http()
        .post('/suppliers')
        .set('Authorization', svc.auth('buyer'))
        .send(aSupplier(['TOFU']))
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await svc.close({ drop: true });
  });

  it('R-PROC-7: accepting goods whose best-before has passed is refused with the line and reason, and changes nothing', async () => {
    const poId = await aPurchaseOrder(2_000);
    const refused = await svc
      .http()
      .post(`/purchase-orders/${poId}/receipts`)
      .set('Authorization', keeper())
      .send({ lines: [{ lineId: 'L1', accepted: 2_000, rejected: 0, bestBefore: '2026-03-09' }] })
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'RECEIPT.EXPIRED_GOODS',
      fields: [
        {
          field: 'lines[0].accepted',
          reason: 'best-before 2026-03-09 has passed: reject these goods with reason expired',
        },
      ],
    });

    // Rejected at the door as expired: nothing enters stock, the supplier is charged nothing.
    const recorded = await svc
      .http()
      .post(`/purchase-orders/${poId}/receipts`)
      .set('Authorization', keeper())
      .send({
        lines: [
          {
            lineId: 'L1',
            accepted: 0,
            rejected: 2_000,
            rejectionReason: 'expired',
            bestBefore: '2026-03-09',
          },
        ],
      })
      .expect(201);
    await svc
      .http()
      .post(`/goods-receipts/${recorded.body.id}/sign`)
      .set('Authorization', keeper())
      .expect(201);
    await svc
      .http()
      .post(`/goods-receipts/${recorded.body.id}/sign`)
      .set('Authorization', chef())
      .expect(201);
    const lots = (await svc.http().get('/lots?sku=TOFU').set('Authorization', keeper()).expect(200))
      .body;
    expect(lots).toEqual([]);
    const po = (
      await svc.http().get(`/purchase-orders/${poId}`).set('Authorization', keeper()).expect(200)
    ).body;
    expect(po.lines[0]).toMatchObject({ rejectedQuantity: 2_000, openQuantity: 2_000 });
    const statement = await svc
      .http()
      .get(`/suppliers/${supplierId}/statements/2026-03`)
      .set('Authorization', svc.auth('cost-accountant'))
      .expect(200);
    expect(statement.body.lines).toEqual([]);
  });

  it('R-PROC-7: goods whose best-before passes before the second signature are rejected as expired at that signature', async () => {
    svc.clock.set(fromShanghai(2026, 3, 10, 22)); // Tuesday 22:00, label "best before today"
    const poId = await aPurchaseOrder(1_000);
    const recorded = await svc
      .http()
      .post(`/purchase-orders/${poId}/receipts`)
      .set('Authorization', keeper())
      .send({ lines: [{ lineId: 'L1', accepted: 1_000, rejected: 0, bestBefore: '2026-03-10' }] })
      .expect(201);
    await svc
      .http()
      .post(`/goods-receipts/${recorded.body.id}/sign`)
      .set('Authorization', keeper())
      .expect(201);
    svc.clock.set(fromShanghai(2026, 3, 11, 6)); // the chef signs the next morning
    const signed = await svc
      .http()
      .post(`/goods-receipts/${recorded.body.id}/sign`)
      .set('Authorization', chef())
      .expect(201);
    expect(signed.body.status).toBe('effective');
    expect(signed.body.lines).toEqual([
      expect.objectContaining({ accepted: 0, rejected: 1_000, rejectionReason: 'expired' }),
    ]);
    expect(signed.body.history.at(-1).reason).toBe('rejected as expired: L1 1000');
    expect(
      (await svc.http().get('/lots?sku=TOFU').set('Authorization', keeper()).expect(200)).body,
    ).toEqual([]);
  });

  it('R-INV-2: /stock stops offering a lot at its best-before though no quarantine sweep ran, and an order over Kafka is backordered', async () => {
    const now = fromShanghai(2026, 3, 11, 8);
    svc.clock.set(now);
    await svc.app.get(LotsService).receive(
      {
        lotId: 'tofu-short',
        sku: 'TOFU',
        supplierId,
        receivedAt: new Date(now.getTime() - DAY_MS),
        expiresAt: new Date(now.getTime() + 2 * HOUR_MS),
        quantityReceived: 800,
      },
      'setup',
      'wh-zhao',
    );
    expect(await stockOf('TOFU')).toEqual({ sku: 'TOFU', onHand: 800, available: 800, expired: 0 });

    svc.clock.advance(2 * HOUR_MS); // best-before reached; TIMER_SWEEP_MS=0, nobody swept
    expect(await stockOf('TOFU')).toEqual({ sku: 'TOFU', onHand: 800, available: 0, expired: 800 });
    const [lot] = (
      await svc.http().get('/lots?sku=TOFU').set('Authorization', keeper()).expect(200)
    ).body;
    // The status the sweep would set is still stale; the read-time flag is not.
    expect(lot).toMatchObject({ status: 'available', expired: true });

    const order = anOrderPlaced([{ sku: 'TOFU', quantity: 100 }], {
      placedAt: svc.clock.now().toISOString(),
    });
    await probe.publish('orders.order.placed', order.orderId, order, svc.clock.now());
    const backordered = await eventually(async () => {
      const events = (await eventsOf(probe, 'procurement.reservation.backordered')).filter(
        (e) => e.subject === order.orderId,
      );
      expect(events).toHaveLength(1);
      return events[0];
    });
    expect(backordered.data).toMatchObject({ missing: [{ sku: 'TOFU', quantity: 100 }] });
  });
});
