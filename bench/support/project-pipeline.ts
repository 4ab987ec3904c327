/**
 * The project as a canteen uses it: orders, procurement and delivery (real Nest apps, real
 * broker and database), orders over HTTP, FIFO reservation in procurement, delivery scheduled.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kafka } from 'kafkajs';
import { ManualClock } from '../../libs/common/src/clock/clock';
import {
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '../../libs/common/src/testing';
import { DeliveryAppModule } from '../../apps/delivery/src/app.module';
import { OrdersAppModule } from '../../apps/orders/src/app.module';
import { ProcurementAppModule } from '../../apps/procurement/src/app.module';
import { LotsService } from '../../apps/procurement/src/inventory/lots/lots.service';
import { anOrder, EXPIRES, INGREDIENTS, MENU, NOW, PRICES, WEEK } from './fixtures';

export interface Pipeline {
  name: string;
  place: (i: number) => Promise<string>;
  /** Changes a placed order over HTTP as its canteen; resolves to the answer's latency. */
  change?: (orderId: string) => Promise<number>;
  completedAt: Map<string, number>;
  services: Record<string, TestService>;
  close: () => Promise<void>;
}

/** Setup calls fail with the service's answer, not only its status. */
async function ok(call: Promise<{ status: number; body: unknown }>, status: number) {
  const res = await call;
  if (res.status !== status)
    throw new Error(`bench setup: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res as { status: number; body: { id?: string } };
}

async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench setup: ${what} did not happen`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startProjectPipeline(
  options: { canteens?: number; lotsPerSku?: number; timerSweepMs?: number } = {},
): Promise<Pipeline> {
  const namespace = newNamespace();
  const clock = new ManualClock(NOW);
  const start = (module: unknown, service: string) =>
    startTestService(module as never, {
      service,
      namespace,
      clock,
      database: `bench_test_${service}_${namespace}`,
      config: {
        OUTBOX_POLL_MS: 0,
        LOG_LEVEL: 'silent',
        TIMER_SWEEP_MS: options.timerSweepMs ?? 0,
      },
    });
  const orders = await start(OrdersAppModule, 'orders');
  const procurement = await start(ProcurementAppModule, 'procurement');
  const delivery = await start(DeliveryAppModule, 'delivery');
  const probe = new KafkaProbe(namespace);

  for (const ingredient of INGREDIENTS) {
    await ok(
      procurement
        .http()
        .post('/ingredients')
        .set('Authorization', procurement.auth('buyer'))
        .send({ ...ingredient, category: 'general', storage: 'chilled', shelfLifeDays: 20 }),
      201,
    );
  }
  const lots = procurement.app.get(LotsService);
  const perSku = options.lotsPerSku ?? 4;
  for (const { sku } of INGREDIENTS) {
    for (let n = 0; n < perSku; n++) {
      await lots.receive(
        {
          lotId: `bench-${sku}-${n}`,
          sku,
          supplierId: 'sup-a',
          receivedAt: new Date(NOW.getTime() - (perSku - n) * 60_000),
          expiresAt: EXPIRES,
          quantityReceived: 50_000_000 / perSku,
        },
        `bench-receipt-${sku}`,
        'bench',
      );
    }
  }
  await probe.publish('procurement.prices.approved', WEEK, PRICES, NOW);
  await until(
    async () =>
      (await orders.connection.collection('ingredients').countDocuments()) === INGREDIENTS.length,
    'ingredients reaching orders before the menu names them',
  );
  const chef = orders.auth('chef');
  await ok(orders.http().put(`/menus/${WEEK}/draft`).set('Authorization', chef).send(MENU), 200);
  await ok(orders.http().post(`/menus/${WEEK}/publish`).set('Authorization', chef), 200);
  const canteenIds: string[] = [];
  for (let c = 0; c < (options.canteens ?? 5); c++) {
    const res = await ok(
      orders
        .http()
        .post('/canteens')
        .set('Authorization', orders.auth('ops-manager'))
        .send({
          name: `营业点 ${c}`,
          address: `张江路 ${c} 号`,
          contact: { name: '王经理', phone: '13800000000' },
          receivingWindow: { from: '06:00', to: '17:00' },
        }),
      201,
    );
    canteenIds.push(res.body.id!);
  }
  await until(
    async () =>
      (await orders.connection.collection('approved_prices').countDocuments()) === 1 &&
      (await orders.connection.collection('ingredients').countDocuments()) === INGREDIENTS.length &&
      (await delivery.connection.collection('canteen_copies').countDocuments()) ===
        canteenIds.length,
    'ingredients, prices and canteens reaching orders and delivery',
  );

  const server = (orders.app.getHttpServer() as Server).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = canteenIds.map((canteenId) => orders.auth('canteen', { canteenId }));

  const completedAt = new Map<string, number>();
  const kafka = new Kafka({
    clientId: 'bench',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    logLevel: 0,
  });
  const consumer = kafka.consumer({ groupId: `${namespace}.bench`, maxWaitTimeInMs: 20 });
  await consumer.connect();
  await consumer.subscribe({ topic: probe.topic('delivery.delivery.events'), fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value!.toString()) as {
        type: string;
        data: { orderId: string };
      };
      if (event.type === 'delivery.delivery.scheduled' && !completedAt.has(event.data.orderId))
        completedAt.set(event.data.orderId, Number(message.timestamp));
    },
  });

  let key = 0;
  const placedAs = new Map<string, number>();
  return {
    name: 'project',
    completedAt,
    services: { orders, procurement, delivery },
    place: async (i) => {
      const res = await fetch(`${base}/orders`, {
        method: 'POST',
        headers: {
          authorization: tokens[i % tokens.length],
          'content-type': 'application/json',
          'idempotency-key': `bench-${namespace}-${++key}`,
        },
        body: JSON.stringify(anOrder(i)),
      });
      const body = (await res.json()) as { id: string };
      if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
      placedAs.set(body.id, i);
      return body.id;
    },
    change: async (orderId) => {
      const i = placedAs.get(orderId) ?? 0;
      const t0 = performance.now();
      const res = await fetch(`${base}/orders/${orderId}`, {
        method: 'PUT',
        headers: { authorization: tokens[i % tokens.length], 'content-type': 'application/json' },
        body: JSON.stringify(anOrder(i + 1)),
      });
      if (res.status !== 200) throw new Error(`change: HTTP ${res.status} ${await res.text()}`);
      return performance.now() - t0;
    },
    close: async () => {
      await consumer.disconnect();
      server.close();
      for (const s of [orders, procurement, delivery]) await s.close({ drop: true });
    },
  };
}
