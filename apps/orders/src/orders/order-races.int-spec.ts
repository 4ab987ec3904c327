/**
 * Conflicting transitions on one order, raced through the real API against the real broker and
 * database. Pass: the stored order is the end of one serial history, every stored transition has
 * its event on Kafka once, and no event exists for a transition that was not stored.
 */
import 'reflect-metadata';
import { ManualClock, newEvent } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import type { Response } from 'supertest';
import { OrdersAppModule } from '../app.module';
import { aCanteenDto, anIngredient, eventsOn } from '../testing/int-helpers';

const THURSDAY = new Date('2026-12-03T02:00:00Z');
const riceOrder = (grams: number) => ({
  ingredients: [{ sku: 'RICE', quantity: grams }],
  requestedTime: '2026-12-07T02:00:00Z',
});

describe('orders: racing transitions on one order', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  let orders: TestService;
  let canteenId: string;
  let seq = 0;

  const canteen = () => orders.auth('canteen', { canteenId });
  const place = async () =>
    (
      await orders
        .http()
        .post('/orders')
        .set('Authorization', canteen())
        .set('Idempotency-Key', `race-order-${++seq}`)
        .send(riceOrder(1_000))
        .expect(201)
    ).body as { id: string };
  const change = (id: string, grams: number) =>
    orders.http().put(`/orders/${id}`).set('Authorization', canteen()).send(riceOrder(grams));
  const cancel = (id: string) =>
    orders.http().post(`/orders/${id}/cancel`).set('Authorization', canteen());
  const stored = (id: string) =>
    orders.connection.collection('orders').findOne({ _id: id as never });
  const eventsOf = async (id: string) => {
    await orders.flushOutbox();
    return (await eventsOn(probe, 'orders.order.events')).filter((e) => e.subject === id);
  };

  beforeAll(async () => {
    orders = await startTestService(OrdersAppModule, {
      service: 'orders',
      namespace,
      clock: new ManualClock(THURSDAY),
    });
    await probe.publish(
      'procurement.ingredient.registered',
      'RICE',
      anIngredient('RICE', '大米'),
      THURSDAY,
    );
    await probe.publish(
      'procurement.prices.approved',
      '2026-W50',
      {
        week: '2026-W50',
        prices: [{ sku: 'RICE', supplierId: 'sup-a', priceFen: 520, priceUnitQuantity: 1000 }],
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
    await eventually(async () =>
      expect(await orders.connection.collection('approved_prices').countDocuments()).toBe(1),
    );
  });

  afterAll(async () => {
    await orders?.close({ drop: true });
  });

  it('R-ORD-4: 24 parallel changes and cancels of one order leave one serial history, each stored step with its event once', async () => {
    const { id } = await place();
    const racers: Promise<Response>[] = [];
    for (let i = 0; i < 24; i++) racers.push(i % 6 === 3 ? cancel(id) : change(id, 2_000 + i * 10));
    const answers = await Promise.all(racers);

    for (const a of answers) expect([200, 409, 422]).toContain(a.status);
    const won = answers.filter((a) => a.status === 200);
    expect(won.length).toBeGreaterThanOrEqual(1);
    const cancels = won.filter((a) => a.body.status === 'cancelled');
    const changes = won.filter((a) => a.body.status !== 'cancelled');
    expect(cancels.length).toBeLessThanOrEqual(1);
    // Every winning change took the next revision: no two wrote over the same one.
    const revisions = changes.map((a) => a.body.revision as number).sort((x, y) => x - y);
    expect(revisions).toEqual(revisions.map((_, i) => i + 2));

    const order = await stored(id);
    expect(order?.revision).toBe(1 + changes.length);
    expect(order?.status).toBe(cancels.length ? 'cancelled' : 'placed');
    const last = changes.find((a) => a.body.revision === order?.revision);
    if (changes.length) expect(order?.ingredientDemand).toEqual(last?.body.ingredientDemand);

    const events = await eventsOf(id);
    expect(events.filter((e) => e.type === 'orders.order.placed')).toHaveLength(1);
    const changed = events.filter((e) => e.type === 'orders.order.changed');
    expect(changed.map((e) => e.data.revision as number).sort((x, y) => x - y)).toEqual(revisions);
    expect(events.filter((e) => e.type === 'orders.order.cancelled')).toHaveLength(cancels.length);
  });

  it('R-ORD-4: a burst of changes on one order while its outbox is relayed publishes each event exactly once', async () => {
    const { id } = await place();
    let revision = 1;
    const wins: number[] = [];
    // Three clients keep changing the order while the relay publishes after every write.
    await Promise.all(
      [0, 1, 2].map(async (client) => {
        for (let i = 0; i < 10; i++) {
          const answer = await change(id, 3_000 + client * 100 + i);
          expect([200, 409]).toContain(answer.status);
          if (answer.status === 200) wins.push(answer.body.revision as number);
        }
      }),
    );
    revision += wins.length;
    expect((await stored(id))?.revision).toBe(revision);

    await orders.flushOutbox();
    expect((await stored(id))?.outbox).toEqual({});
    expect((await stored(id))?.outboxAt).toBeNull();
    const raw = (await probe.readAll('orders.order.events'))
      .map((m) => JSON.parse(m.value!.toString()) as { id: string; subject: string; type: string })
      .filter((e) => e.subject === id);
    const changedIds = raw.filter((e) => e.type === 'orders.order.changed').map((e) => e.id);
    expect(changedIds).toHaveLength(wins.length);
    expect(new Set(changedIds).size).toBe(wins.length);
  });

  it('an order another instance stored and died before publishing is published once by the periodic scan', async () => {
    const { id } = await place();
    await orders.flushOutbox();
    const orphan = `${id}-left-behind`;
    const copy = (await stored(id))!;
    const event = newEvent(
      'orders.order.cancelled',
      orphan,
      {
        orderId: orphan,
        canteenId,
        cancelledAt: THURSDAY.toISOString(),
      },
      THURSDAY,
      { source: '/orders', correlationId: 'left-behind' },
    );
    // Written straight to the database: no process here was told, as when the writer was killed.
    await orders.connection.collection('orders').insertOne({
      ...copy,
      _id: orphan as never,
      idempotencyKey: orphan,
      outbox: { [`001-${event.id}`]: event },
      outboxAt: new Date(Date.now() - 60_000),
      outboxSeq: 1,
    });
    await eventually(async () => expect((await stored(orphan))?.outboxAt).toBeNull());
    const published = (await eventsOn(probe, 'orders.order.events')).filter(
      (e) => e.subject === orphan,
    );
    expect(published.map((e) => e.id)).toEqual([event.id]);
  });
});
