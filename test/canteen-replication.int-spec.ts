/**
 * The first slice through all four services, over the real broker and database:
 * a canteen registered in orders appears in procurement, delivery and aftersales.
 * Also the messaging guarantees of ARCHITECTURE.md: idempotent consumers, dead letters,
 * and an outbox that loses nothing when the relay dies between store and publish.
 */
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  TestService,
} from '@app/common/testing';
import { OutboxRelay } from '@app/common';
import { AftersalesAppModule } from '../apps/aftersales/src/app.module';
import { DeliveryAppModule } from '../apps/delivery/src/app.module';
import { OrdersAppModule } from '../apps/orders/src/app.module';
import { ProcurementAppModule } from '../apps/procurement/src/app.module';

const aCanteen = (overrides: Record<string, unknown> = {}) => ({
  name: '第一营业点',
  address: '上海市浦东新区张江路 100 号',
  contact: { name: '王经理', phone: '13800000000' },
  receivingWindow: { from: '06:00', to: '17:00' },
  ...overrides,
});

describe('canteen registration across services (real Kafka + MongoDB-wire)', () => {
  const namespace = newNamespace();
  let orders: TestService;
  let procurement: TestService;
  let delivery: TestService;
  let aftersales: TestService;

  beforeAll(async () => {
    [orders, procurement, delivery, aftersales] = await Promise.all([
      startTestService(OrdersAppModule, { service: 'orders', namespace }),
      startTestService(ProcurementAppModule, { service: 'procurement', namespace }),
      startTestService(DeliveryAppModule, { service: 'delivery', namespace }),
      startTestService(AftersalesAppModule, { service: 'aftersales', namespace }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(
      [orders, procurement, delivery, aftersales].map((s) => s?.close({ drop: true })),
    );
  });

  // Each service names its own copy's collection.
  const copyIn = (service: TestService, id: string) =>
    service.connection
      .collection(service === delivery ? 'canteen_copies' : 'canteens')
      .findOne({ _id: id as never });

  it('a registered canteen appears in procurement, delivery and aftersales', async () => {
    const res = await orders
      .http()
      .post('/canteens')
      .set('Authorization', orders.auth('ops-manager'))
      .send(aCanteen())
      .expect(201);
    const id = res.body.id as string;

    await eventually(async () => {
      expect(await copyIn(procurement, id)).toMatchObject({ name: '第一营业点' });
      expect(await copyIn(delivery, id)).toMatchObject({
        address: aCanteen().address,
        receivingWindow: { from: '06:00' },
      });
      expect(await copyIn(aftersales, id)).toMatchObject({ contact: { phone: '13800000000' } });
    });
    const stored = await orders.connection.collection('canteens').findOne({ _id: id as never });
    expect(stored?.outbox).toEqual({});
    expect(stored?.outboxAt).toBeNull();
  });

  it('a redelivered event changes nothing', async () => {
    const res = await orders
      .http()
      .post('/canteens')
      .set('Authorization', orders.auth('ops-manager'))
      .send(aCanteen({ name: '第二营业点' }));
    const id = res.body.id as string;
    await eventually(async () => expect(await copyIn(delivery, id)).not.toBeNull());
    const probe = new KafkaProbe(namespace);
    const [published] = await probe
      .readAll('orders.canteen.events')
      .then((all) => all.filter((m) => m.key?.toString() === id));
    const original = JSON.parse(published.value!.toString());

    // A newer snapshot arrives, then the old registration is delivered again.
    const renamed = {
      ...original,
      id: `${original.id}-update`,
      type: 'orders.canteen.updated',
      time: new Date(Date.parse(original.time) + 1000).toISOString(),
      data: { ...original.data, name: '第二营业点（新）' },
    };
    await probe.send('orders.canteen.events', id, JSON.stringify(renamed));
    await eventually(async () =>
      expect(await copyIn(delivery, id)).toMatchObject({ name: '第二营业点（新）' }),
    );
    await probe.send('orders.canteen.events', id, published.value!);
    await probe.send('orders.canteen.events', id, published.value!);

    const marker = {
      ...renamed,
      id: `${original.id}-marker`,
      time: new Date(Date.parse(original.time) + 2000).toISOString(),
      data: { ...renamed.data, address: 'marker' },
    };
    await probe.send('orders.canteen.events', id, JSON.stringify(marker));
    await eventually(async () =>
      expect(await copyIn(delivery, id)).toMatchObject({ address: 'marker' }),
    );
    expect(await copyIn(delivery, id)).toMatchObject({ name: '第二营业点（新）' });
    const processed = await delivery.connection
      .collection('processed_events')
      .countDocuments({ _id: { $regex: original.id } as never });
    expect(processed).toBe(3); // the original, the update and the marker — the redeliveries added none
  });

  it('a poison message lands on the dead-letter topic and the next message is still processed', async () => {
    const probe = new KafkaProbe(namespace);
    await probe.send('orders.canteen.events', 'poison', '{"this is": "not an event"');
    const invalid = {
      specversion: '1.0',
      id: 'bad-payload-1',
      source: '/orders',
      type: 'orders.canteen.registered',
      time: new Date().toISOString(),
      subject: 'x',
      data: { canteenId: 'x' },
    };
    await probe.send('orders.canteen.events', 'x', JSON.stringify(invalid));
    const res = await orders
      .http()
      .post('/canteens')
      .set('Authorization', orders.auth('ops-manager'))
      .send(aCanteen({ name: '第三营业点' }));

    await eventually(async () =>
      expect(await copyIn(aftersales, res.body.id)).toMatchObject({ name: '第三营业点' }),
    );
    const dead = await eventually(async () => {
      const all = await probe.readAll('orders.canteen.events.dlt');
      expect(
        all.filter(
          (m) => m.headers?.['dlt-consumer-group']?.toString() === `${namespace}.aftersales`,
        ),
      ).toHaveLength(2);
      return all;
    });
    const fromAftersales = dead.filter(
      (m) => m.headers?.['dlt-consumer-group']?.toString() === `${namespace}.aftersales`,
    );
    expect(fromAftersales.map((m) => m.headers?.['dlt-error']?.toString())).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not JSON/),
        expect.stringMatching(/name.*must be a string|address/),
      ]),
    );
    expect(fromAftersales.find((m) => m.key?.toString() === 'poison')?.value?.toString()).toBe(
      '{"this is": "not an event"',
    );
  });

  it('killing the relay between store and publish loses nothing once it restarts', async () => {
    const database = `test_orders_${namespace}_relay`;
    const first = await startTestService(OrdersAppModule, {
      service: 'orders',
      namespace,
      database,
    });
    await first.app.get(OutboxRelay).onModuleDestroy(); // the relay dies; the API still stores
    const res = await first
      .http()
      .post('/canteens')
      .set('Authorization', first.auth('ops-manager'))
      .send(aCanteen({ name: '第四营业点' }))
      .expect(201);
    const stored = await first.connection.collection('canteens').findOne({ _id: res.body.id });
    expect(Object.keys(stored?.outbox ?? {})).toHaveLength(1);
    await first.close();
    expect(await copyIn(procurement, res.body.id)).toBeNull();

    const restarted = await startTestService(OrdersAppModule, {
      service: 'orders',
      namespace,
      database,
    });
    try {
      await eventually(async () =>
        expect(await copyIn(procurement, res.body.id)).toMatchObject({ name: '第四营业点' }),
      );
      const after = await restarted.connection.collection('canteens').findOne({ _id: res.body.id });
      expect(after?.outbox).toEqual({});
    } finally {
      await restarted.close({ drop: true });
    }
  });

  it('rejects bad input with the field and reason, and stores nothing', async () => {
    const before = await orders.connection.collection('canteens').countDocuments();
    const res = await orders
      .http()
      .post('/canteens')
      .set('Authorization', orders.auth('ops-manager'))
      .send(aCanteen({ receivingWindow: { from: '25:00', to: '17:00' }, extra: 1 }))
      .expect(400);
    expect(res.body.code).toBe('VALIDATION.FAILED');
    expect(res.body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'receivingWindow.from' }),
        expect.objectContaining({
          field: 'extra',
          reason: expect.stringMatching(/should not exist/),
        }),
      ]),
    );
    expect(await orders.connection.collection('canteens').countDocuments()).toBe(before);
  });

  it('checks the caller: no token 401, wrong role 403, another canteen 404', async () => {
    await orders.http().post('/canteens').send(aCanteen()).expect(401);
    await orders
      .http()
      .post('/canteens')
      .set('Authorization', orders.auth('canteen'))
      .send(aCanteen())
      .expect(403);
    const res = await orders
      .http()
      .post('/canteens')
      .set('Authorization', orders.auth('ops-manager'))
      .send(aCanteen());
    await orders
      .http()
      .get(`/canteens/${res.body.id}`)
      .set('Authorization', orders.auth('canteen', { canteenId: 'someone-else' }))
      .expect(404);
    await orders
      .http()
      .get(`/canteens/${res.body.id}`)
      .set('Authorization', orders.auth('canteen', { canteenId: res.body.id }))
      .expect(200);
  });

  it('carries the correlation id from the HTTP request into the event', async () => {
    const res = await orders
      .http()
      .post('/canteens')
      .set('Authorization', orders.auth('ops-manager'))
      .set('x-correlation-id', 'call-centre-4711')
      .send(aCanteen({ name: '第五营业点' }))
      .expect(201);
    expect(res.headers['x-correlation-id']).toBe('call-centre-4711');
    const event = await eventually(async () => {
      const all = await new KafkaProbe(namespace).readAll('orders.canteen.events');
      const mine = all.find((m) => m.key?.toString() === res.body.id);
      expect(mine).toBeDefined();
      return JSON.parse(mine!.value!.toString());
    });
    expect(event).toMatchObject({
      correlationid: 'call-centre-4711',
      subject: res.body.id,
      source: '/orders',
    });
  });

  it('serves health, metrics and API docs', async () => {
    await orders.http().get('/health/live').expect(200);
    const ready = await orders.http().get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ mongodb: { status: 'up' }, kafka: { status: 'up' } });
    const metrics = await orders.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/events_published_total/);
    const docs = await orders.http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toContain('/canteens');
  });
});
