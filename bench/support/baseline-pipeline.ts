/**
 * The same hops written by hand with kafkajs and the MongoDB driver and no framework: what a
 * team would write instead of the project. Store order + outbox in one write, publish, clear;
 * reserve by decrementing lots FIFO with a guarded `$inc`; publish; confirm the order; store the
 * delivery; publish "scheduled". No auth, validation, idempotency keys, ledger or retries.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, type Producer } from 'kafkajs';
import { MongoClient, type Collection, type Document } from 'mongodb';
import type { Pipeline } from './project-pipeline';
import { EXPIRES, INGREDIENTS, MENU, NOW } from './fixtures';

interface Doc extends Document {
  _id: string;
}
interface Event {
  type: string;
  orderId: string;
  demand?: Record<string, number>;
  deadline?: string;
}

const recipes = new Map(MENU.dishes.map((d) => [d.dishId, d.recipe]));

function demandOf(order: {
  dishes: { dishId: string; portions: number }[];
  ingredients: { sku: string; quantity: number }[];
}): Record<string, number> {
  const demand: Record<string, number> = {};
  for (const dish of order.dishes)
    for (const r of recipes.get(dish.dishId) ?? [])
      demand[r.sku] = (demand[r.sku] ?? 0) + r.quantityPerPortion * dish.portions;
  for (const l of order.ingredients) demand[l.sku] = (demand[l.sku] ?? 0) + l.quantity;
  return demand;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

export async function startBaselinePipeline(): Promise<Pipeline> {
  const ns = `bl${randomBytes(4).toString('hex')}`;
  const mongo = await MongoClient.connect(process.env.MONGO_URL!, { maxPoolSize: 50 });
  const db = mongo.db(`bench_test_baseline_${ns}`);
  const orders = db.collection<Doc>('orders');
  const lots = db.collection<Doc>('lots');
  const reservations = db.collection<Doc>('reservations');
  const deliveries = db.collection<Doc>('deliveries');
  for (const { sku } of INGREDIENTS)
    for (let n = 0; n < 4; n++)
      await lots.insertOne({
        _id: `${sku}-${n}`,
        sku,
        available: 12_500_000,
        receivedAt: new Date(NOW.getTime() + n),
        expiresAt: EXPIRES,
      });

  const kafka = new Kafka({
    clientId: ns,
    brokers: process.env.KAFKA_BROKERS!.split(','),
    logLevel: 0,
  });
  const topics = {
    orders: `${ns}.orders`,
    reservations: `${ns}.reservations`,
    deliveries: `${ns}.deliveries`,
  };
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: Object.values(topics).map((topic) => ({ topic, numPartitions: 3 })),
    waitForLeaders: true,
  });
  await admin.disconnect();
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();

  /** Outbox: the state change and its event in one write; publish; then clear the entry. */
  const relay = async (col: Collection<Doc>, id: string, topic: string, event: Event) => {
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: event.orderId, value: JSON.stringify(event) }],
    });
    await col.updateOne({ _id: id }, { $unset: { outbox: '' } });
  };

  const consumers = [] as ReturnType<typeof kafka.consumer>[];
  const consume = async (
    group: string,
    topic: string,
    handle: (e: Event, timestamp: number) => Promise<void>,
  ) => {
    const consumer = kafka.consumer({ groupId: `${ns}.${group}`, maxWaitTimeInMs: 20 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ message }) =>
        handle(JSON.parse(message.value!.toString()) as Event, Number(message.timestamp)),
    });
    consumers.push(consumer);
  };

  await consume('procurement', topics.orders, async (e) => {
    if (e.type !== 'placed') return;
    for (const [sku, quantity] of Object.entries(e.demand ?? {})) {
      for (const lot of await lots
        .find({ sku, available: { $gte: quantity } })
        .sort({ receivedAt: 1 })
        .toArray()) {
        const taken = await lots.updateOne(
          { _id: lot._id, available: { $gte: quantity } },
          { $inc: { available: -quantity } },
        );
        if (taken.modifiedCount === 1) break;
      }
    }
    const event = { type: 'reservation.confirmed', orderId: e.orderId };
    await reservations.insertOne({ _id: e.orderId, outbox: event }).catch(() => undefined);
    await relay(reservations, e.orderId, topics.reservations, event);
  });
  await consume('orders', topics.reservations, async (e) => {
    const event = {
      type: 'confirmed',
      orderId: e.orderId,
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
    };
    await orders.updateOne(
      { _id: e.orderId, status: 'placed' },
      { $set: { status: 'confirmed', outbox: event } },
    );
    await relay(orders, e.orderId, topics.orders, event);
  });
  await consume('delivery', topics.orders, async (e) => {
    if (e.type !== 'confirmed') return;
    const event = { type: 'scheduled', orderId: e.orderId };
    await deliveries
      .insertOne({ _id: e.orderId, deadline: e.deadline, outbox: event })
      .catch(() => undefined);
    await relay(deliveries, e.orderId, topics.deliveries, event);
  });
  const completedAt = new Map<string, number>();
  await consume('bench', topics.deliveries, async (e, timestamp) => {
    if (!completedAt.has(e.orderId)) completedAt.set(e.orderId, timestamp);
  });

  const server = createServer((req, res) => {
    void (async () => {
      const order = JSON.parse(await readBody(req)) as Parameters<typeof demandOf>[0];
      const orderId = randomUUID();
      const event = { type: 'placed', orderId, demand: demandOf(order) };
      await orders.insertOne({ _id: orderId, status: 'placed', ...order, outbox: event });
      await relay(orders, orderId, topics.orders, event);
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: orderId }));
    })().catch((e: Error) => res.writeHead(500).end(e.message));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;
  const { anOrder } = await import('./fixtures');

  return {
    name: 'baseline',
    completedAt,
    services: {},
    place: async (i) => {
      const res = await fetch(base, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(anOrder(i)),
      });
      const body = (await res.json()) as { id: string };
      return body.id;
    },
    close: async () => {
      for (const c of consumers) await c.disconnect();
      await producer.disconnect();
      server.close();
      await db.dropDatabase();
      await mongo.close();
    },
  };
}
