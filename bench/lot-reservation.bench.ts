/**
 * A reservation among 100 vs 10,000 lots of one ingredient (the `reservationAmong` part of
 * scale.bench.ts on its own): `node .run/bench/bench/lot-reservation.bench.js` after the swc
 * build of scripts/bench.sh, with KAFKA_BROKERS, MONGO_URL and TZ=UTC set.
 */
import 'reflect-metadata';
import { startTestService, newNamespace } from '../libs/common/src/testing';
import { ProcurementAppModule } from '../apps/procurement/src/app.module';
import { ReservationsService } from '../apps/procurement/src/inventory/reservations/reservations.service';
import { EXPIRES, NOW } from './support/fixtures';
import { percentile } from './support/load';

const p50 = (v: number[]) => percentile(v, 50);

async function timed(n: number, work: (k: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    await work(k);
    out.push(performance.now() - t0);
  }
  return out;
}

async function reservationAmong(lots: number): Promise<number[]> {
  const svc = await startTestService(ProcurementAppModule, {
    service: 'procurement',
    namespace: newNamespace(),
    database: `bench_test_lots_${lots}_${Date.now()}`,
  });
  await svc
    .http()
    .post('/ingredients')
    .set('Authorization', svc.auth('buyer'))
    .send({
      sku: 'RICE',
      name: '大米',
      unit: 'g',
      category: 'general',
      storage: 'chilled',
      shelfLifeDays: 20,
    })
    .expect(201);
  const lotDocs = Array.from({ length: lots }, (_, i) => ({
    _id: `lot-${String(i).padStart(6, '0')}`,
    sku: 'RICE',
    receivedAt: new Date(NOW.getTime() - (lots - i) * 60_000),
    expiresAt: EXPIRES,
    quantityReceived: 1_000_000,
    onHand: 1_000_000,
    available: 1_000_000,
    status: 'available',
    headSeq: 1,
  }));
  for (let i = 0; i < lots; i += 2_000) {
    await svc.connection.collection('lots').insertMany(lotDocs.slice(i, i + 2_000) as never[]);
    await svc.connection.collection('stock_moves').insertMany(
      lotDocs.slice(i, i + 2_000).map((l) => ({
        _id: `${l._id}:000000001`,
        lotId: l._id,
        sku: 'RICE',
        seq: 1,
        kind: 'receipt',
        onHandDelta: 1_000_000,
        availableDelta: 1_000_000,
        holdDelta: 0,
        onHandAfter: 1_000_000,
        availableAfter: 1_000_000,
        statusAfter: 'available',
        at: l.receivedAt,
        ref: 'bench',
        moveKey: `receipt:${l._id}`,
      })) as never[],
    );
  }
  const reservations = svc.app.get(ReservationsService);
  const ms = await timed(30, (k) =>
    reservations.onOrderFacts({
      orderId: `bench-order-${k}`,
      canteenId: 'canteen-1',
      placedAt: NOW.toISOString(),
      urgent: false,
      lines: [],
      ingredientDemand: [{ sku: 'RICE', quantity: 1_000 }],
      revision: 1,
    }),
  );
  await svc.close({ drop: true });
  return ms;
}

async function main(): Promise<void> {
  const few = await reservationAmong(100);
  const many = await reservationAmong(10_000);
  const [a, b] = [p50(few), p50(many)];
  console.log(
    `reservation of one ingredient p50: 100 lots ${a.toFixed(1)} ms, 10000 lots ${b.toFixed(1)} ms, ratio ${(b / a).toFixed(2)}`,
  );
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
