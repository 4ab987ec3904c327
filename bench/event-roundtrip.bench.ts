/**
 * `npm run bench`: end-to-end figures of the messaging path on this machine, against the real
 * broker and database. N canteens are registered over HTTP in orders (state + outbox in one
 * write); the bench measures HTTP latency and the time until each canteen's copy is applied
 * in delivery (outbox relay → Kafka → idempotent consumer → MongoDB).
 */
import 'reflect-metadata';
import { newNamespace, startTestService } from '../libs/common/src/testing';
import { DeliveryAppModule } from '../apps/delivery/src/app.module';
import { OrdersAppModule } from '../apps/orders/src/app.module';

const N = Number(process.env.BENCH_N ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(name: string, ms: number[]): void {
  const s = [...ms].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(34)} p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  max ${s[s.length - 1].toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const namespace = newNamespace();
  const orders = await startTestService(OrdersAppModule, {
    service: 'orders',
    namespace,
    database: `bench_test_orders_${namespace}`,
  });
  const delivery = await startTestService(DeliveryAppModule, {
    service: 'delivery',
    namespace,
    database: `bench_test_delivery_${namespace}`,
  });
  const auth = orders.auth('ops-manager');
  const copies = delivery.connection.collection('canteen_copies');
  const httpMs: number[] = [];
  const sentAt = new Map<string, number>();

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        const t0 = performance.now();
        const res = await orders
          .http()
          .post('/canteens')
          .set('Authorization', auth)
          .send({
            name: `营业点 ${i}`,
            address: `路 ${i} 号`,
            contact: { name: '王', phone: '1' },
            receivingWindow: { from: '06:00', to: '17:00' },
          });
        if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
        httpMs.push(performance.now() - t0);
        sentAt.set((res.body as { id: string }).id, t0);
      }
    }),
  );
  const httpDone = performance.now();

  const appliedMs: number[] = [];
  const seen = new Set<string>();
  while (seen.size < N && performance.now() - httpDone < 120_000) {
    for (const copy of await copies.find({}, { projection: { _id: 1 } }).toArray()) {
      const id = String(copy._id);
      if (!seen.has(id) && sentAt.has(id)) {
        seen.add(id);
        appliedMs.push(performance.now() - sentAt.get(id)!);
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const allDone = performance.now();

  console.log(
    `\nevent round trip: ${N} canteens, ${CONCURRENCY} concurrent clients, orders → Kafka → delivery`,
  );
  console.log(
    `HTTP throughput                    ${(N / ((httpDone - started) / 1000)).toFixed(0)} requests/s`,
  );
  report('HTTP POST /canteens', httpMs);
  report('applied in delivery (±200 ms poll)', appliedMs);
  console.log(
    `end-to-end throughput              ${(seen.size / ((allDone - started) / 1000)).toFixed(0)} events/s (${seen.size}/${N} applied)`,
  );

  await Promise.all([orders.close({ drop: true }), delivery.close({ drop: true })]);
  process.exit(seen.size === N ? 0 : 1);
}

void main();
