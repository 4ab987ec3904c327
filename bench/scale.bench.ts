/**
 * `npm run bench`, costs against history: the same work with little and with 100× more stored.
 * Pipeline and a guarded order change with 1,000 vs 100,000 finished orders stored (with their
 * reservations, ledger entries, deliveries and consumer marks); a reservation among 100 vs
 * 10,000 lots of one ingredient; an SLA sweep with 1,000 vs 100,000 finished deliveries; and
 * the database server's CPU while the system idles with the big history stored.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startTestService, newNamespace, type TestService } from '../libs/common/src/testing';
import { DeliveryAppModule } from '../apps/delivery/src/app.module';
import { SlaSweepService } from '../apps/delivery/src/deliveries/sla-sweep.service';
import { ProcurementAppModule } from '../apps/procurement/src/app.module';
import { ReservationsService } from '../apps/procurement/src/inventory/reservations/reservations.service';
import { EXPIRES, NOW } from './support/fixtures';
import { finishedDelivery, storeHistory } from './support/history';
import { percentile, runAtRate } from './support/load';
import { startProjectPipeline } from './support/project-pipeline';

const SMALL = Number(process.env.BENCH_HISTORY_SMALL ?? 1_000);
const BIG = Number(process.env.BENCH_HISTORY_BIG ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_SCALE_RATE ?? 10);

const p50 = (v: number[]) => percentile(v, 50);
const fmt = (v: number) => `${v.toFixed(1)} ms`;

async function timed(n: number, work: (k: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    await work(k);
    out.push(performance.now() - t0);
  }
  return out;
}

function mongoCpuSeconds(): number | undefined {
  try {
    const run = process.env.CENTRAL_KITCHEN_RUN ?? join(homedir(), '.cache/central-kitchen/run');
    const pid = readFileSync(join(run, 'pids/mongo.pid'), 'utf8').trim();
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

async function pipelineWith(history: number, idle: boolean) {
  const pipeline = await startProjectPipeline({ timerSweepMs: idle ? 10_000 : 0 });
  const { orders, procurement, delivery } = pipeline.services;
  const t0 = performance.now();
  await storeHistory(
    {
      orders: orders.connection,
      procurement: procurement.connection,
      delivery: delivery.connection,
    },
    history,
  );
  console.log(
    `  stored ${history} finished orders in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  await runAtRate(5, 2, pipeline.place, pipeline.completedAt);
  const run = await runAtRate(RATE, SECONDS, pipeline.place, pipeline.completedAt);
  let idleCpu: number | undefined;
  if (idle) {
    // Idle means idle: the load's last events are applied first. Measured before the changes
    // below, whose re-reservations in procurement would still be running.
    await new Promise((r) => setTimeout(r, 20_000));
    const before = mongoCpuSeconds();
    await new Promise((r) => setTimeout(r, 30_000));
    const after = mongoCpuSeconds();
    if (before !== undefined && after !== undefined) idleCpu = ((after - before) / 30) * 100;
  }
  const ids = [...pipeline.completedAt.keys()].slice(0, 30);
  const changes = await timed(ids.length, (k) => pipeline.change!(ids[k]));
  await pipeline.close();
  return { run, changes, idleCpu };
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

async function sweepServiceWith(finished: number): Promise<TestService> {
  const svc: TestService = await startTestService(DeliveryAppModule, {
    service: 'delivery',
    namespace: newNamespace(),
    database: `bench_test_sweep_${finished}_${Date.now()}`,
  });
  const deliveries = svc.connection.collection('deliveries');
  for (let i = 0; i < finished; i += 2_000)
    await deliveries.insertMany(
      Array.from({ length: Math.min(2_000, finished - i) }, (_, j) => finishedDelivery(i + j)),
    );
  await svc.app.get(SlaSweepService).sweep(); // the first sweep also checks the live list once
  return svc;
}

/**
 * Sweeps of both histories taken in turn, so that a sub-millisecond figure compares the two
 * under the same machine state (one after the other, the second ran on a warmer or busier server).
 */
async function sweepsWith(small: number, big: number): Promise<[number[], number[]]> {
  const services = [await sweepServiceWith(small), await sweepServiceWith(big)];
  const [few, many]: number[][] = [[], []];
  for (let k = 0; k < 200; k++)
    for (const [i, svc] of services.entries())
      (i === 0 ? few : many).push(
        ...(await timed(1, () => svc.app.get(SlaSweepService).runDueTimers())),
      );
  for (const svc of services) await svc.close({ drop: true });
  return [few, many];
}

async function main(): Promise<void> {
  console.log(`\n== costs against history (${SMALL} vs ${BIG} stored; ratios should stay ≤ 1.5)`);
  const ratio = (a: number, b: number) => (b / a).toFixed(2);
  const row = (what: string, a: number, b: number) =>
    console.log(
      `${what.padEnd(44)} ${fmt(a).padStart(10)} ${fmt(b).padStart(10)}   × ${ratio(a, b)}`,
    );
  const small = await pipelineWith(SMALL, false);
  const big = await pipelineWith(BIG, true);
  console.log(`${''.padEnd(44)} ${`${SMALL}`.padStart(10)} ${`${BIG}`.padStart(10)}`);
  row(`place-order HTTP p50 at ${RATE}/s`, p50(small.run.http), p50(big.run.http));
  row(`place-order → delivery scheduled p50`, p50(small.run.endToEnd), p50(big.run.endToEnd));
  row(
    `place-order → delivery scheduled p99`,
    percentile(small.run.endToEnd, 99),
    percentile(big.run.endToEnd, 99),
  );
  row('guarded order change (PUT /orders/:id) p50', p50(small.changes), p50(big.changes));
  const [fewLots, manyLots] = [await reservationAmong(100), await reservationAmong(10_000)];
  console.log(`${''.padEnd(44)} ${'100 lots'.padStart(10)} ${'10000 lots'.padStart(10)}`);
  row('reservation of one ingredient p50', p50(fewLots), p50(manyLots));
  const [fewDone, manyDone] = await sweepsWith(SMALL, BIG);
  console.log(`${''.padEnd(44)} ${`${SMALL}`.padStart(10)} ${`${BIG}`.padStart(10)}`);
  row('SLA sweep, finished deliveries in history, p50', p50(fewDone), p50(manyDone));
  console.log(
    `database server CPU while idle (${BIG} stored, sweeps every 10 s): ${big.idleCpu === undefined ? 'n/a (external database)' : `${big.idleCpu.toFixed(2)} % of one core`}`,
  );
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
