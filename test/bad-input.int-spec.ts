/**
 * Issue 12, findings 3, 4 and 6: no input answers 5xx, invalid input is refused with the field
 * that is wrong, and a refused request changes nothing. Through the real HTTP stack.
 */
import { newNamespace, startTestService, TestService } from '@app/common/testing';
import { AftersalesAppModule } from '../apps/aftersales/src/app.module';
import { OrdersAppModule } from '../apps/orders/src/app.module';
import { ProcurementAppModule } from '../apps/procurement/src/app.module';

const aCanteen = (overrides: Record<string, unknown> = {}) => ({
  name: '第一营业点',
  address: '上海市浦东新区张江路 100 号',
  contact: { name: '王经理', phone: '13800000000' },
  receivingWindow: { from: '06:00', to: '17:00' },
  ...overrides,
});

describe('hardened edges (issue 12, findings 3, 4, 6)', () => {
  const namespace = newNamespace();
  let orders: TestService;
  let procurement: TestService;

  beforeAll(async () => {
    [orders, procurement] = await Promise.all([
      startTestService(OrdersAppModule, { service: 'orders', namespace }),
      startTestService(ProcurementAppModule, { service: 'procurement', namespace }),
    ]);
  });
  afterAll(() => Promise.all([orders, procurement].map((s) => s?.close({ drop: true }))));

  /** Every collection's document count, to show a refused request wrote nothing. */
  const snapshot = async (svc: TestService) => {
    const names = (await svc.connection.db!.listCollections().toArray()).map((c) => c.name).sort();
    return Promise.all(
      names.map(async (n) => [n, await svc.connection.collection(n).countDocuments()]),
    );
  };
  const field = (res: { body: unknown }) =>
    (res.body as { fields: { field: string }[] }).fields.map((f) => f.field);

  it('a missing nested DTO is 400 naming it, not 500', async () => {
    const before = await snapshot(orders);
    const post = (body: object) =>
      orders.http().post('/canteens').set('Authorization', orders.auth('ops-manager')).send(body);
    const without = (key: string) =>
      Object.fromEntries(Object.entries(aCanteen()).filter(([k]) => k !== key));
    const noContact = without('contact');
    const noWindow = without('receivingWindow');
    const a = await post(noContact).expect(400);
    expect(field(a)).toEqual(['contact']);
    const b = await post(noWindow).expect(400);
    expect(field(b)).toEqual(['receivingWindow']);
    const supplier = await procurement
      .http()
      .post('/suppliers')
      .set('Authorization', procurement.auth('buyer'))
      .send({ name: '浦东肉联厂', skus: [] })
      .expect(400);
    expect(field(supplier)).toContain('contact');
    expect(await snapshot(orders)).toEqual(before);
  });

  it('null is refused in any field, at any depth', async () => {
    const before = [await snapshot(orders), await snapshot(procurement)];
    const ops = orders.auth('ops-manager');
    for (const body of [
      aCanteen({ webhookUrl: null }),
      aCanteen({ markupBp: null }),
      aCanteen({ contact: { name: null, phone: '13800000000' } }),
    ]) {
      const res = await orders
        .http()
        .post('/canteens')
        .set('Authorization', ops)
        .send(body)
        .expect(400);
      expect((res.body as { code: string }).code).toBe('VALIDATION.FAILED');
    }
    const settings = (body: object) =>
      procurement
        .http()
        .put('/settings')
        .set('Authorization', procurement.auth('ops-manager'))
        .send(body);
    expect(field(await settings({ seasonalPercent: null }).expect(400))).toEqual([
      'seasonalPercent',
    ]);
    expect(field(await settings({ tolerancePercent: null }).expect(400))).toEqual([
      'tolerancePercent',
    ]);
    await settings({ seasonalPercent: { '13': 5 } }).expect(400);
    await settings({ seasonalPercent: { '1': 'a lot' } }).expect(400);
    expect([await snapshot(orders), await snapshot(procurement)]).toEqual(before);
  });

  it('no body, a text/plain or form body is not an empty DTO', async () => {
    const before = await snapshot(procurement);
    const ops = procurement.auth('ops-manager');
    const none = await procurement.http().put('/settings').set('Authorization', ops).expect(400);
    expect((none.body as { code: string }).code).toBe('VALIDATION.BODY_REQUIRED');
    const text = await procurement
      .http()
      .put('/settings')
      .set('Authorization', ops)
      .set('Content-Type', 'text/plain')
      .send('{"tolerancePercent": 5}')
      .expect(415);
    expect((text.body as { code: string }).code).toBe('HTTP.UNSUPPORTED_MEDIA_TYPE');
    await procurement
      .http()
      .put('/settings')
      .set('Authorization', ops)
      .type('form')
      .send('tolerancePercent=5')
      .expect(415);
    await procurement
      .http()
      .put('/settings')
      .set('Authorization', ops)
      .send([{ tolerancePercent: 5 }])
      .expect(400);
    expect(await snapshot(procurement)).toEqual(before);
  });

  it('a body over 100 kB is 413, a 50,000-deep array and a __proto__ key are 400', async () => {
    const before = await snapshot(orders);
    const ops = orders.auth('ops-manager');
    const big = await orders
      .http()
      .post('/canteens')
      .set('Authorization', ops)
      .send(aCanteen({ address: 'x'.repeat(120_000) }))
      .expect(413);
    expect(big.body).toMatchObject({ statusCode: 413, code: 'HTTP.PAYLOAD_TOO_LARGE', fields: [] });
    const deep = await orders
      .http()
      .post('/canteens')
      .set('Authorization', ops)
      .set('Content-Type', 'application/json')
      .send(`{"name":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)
      .expect(400);
    expect((deep.body as { message: string }).message).toMatch(/nested deeper than 32 levels/);
    const proto = await orders
      .http()
      .post('/canteens')
      .set('Authorization', ops)
      .set('Content-Type', 'application/json')
      .send(
        '{"name":"x","address":"y","contact":{"name":"a","phone":"1","__proto__":{"admin":true}},"receivingWindow":{"from":"06:00","to":"17:00"}}',
      )
      .expect(400);
    expect(field(proto)).toEqual(['contact.__proto__']);
    expect(await snapshot(orders)).toEqual(before);
  });

  it('a repeated query parameter and a bad path parameter are 400 naming the field', async () => {
    const canteen = orders.auth('ops-manager');
    const repeated = await orders
      .http()
      .get('/orders?status=placed&status=confirmed')
      .set('Authorization', canteen)
      .expect(400);
    expect(field(repeated)).toEqual(['status']);
    const meal = await orders
      .http()
      .delete('/canteens/c1/meal-windows/brunch')
      .set('Authorization', canteen)
      .expect(400);
    expect(field(meal).length).toBeGreaterThan(0);
  });

  it('R-AS-1: a complaint from a canteen token whose canteen does not exist is refused, and stored nowhere', async () => {
    const aftersales = await startTestService(AftersalesAppModule, {
      service: 'aftersales',
      namespace,
    });
    try {
      const res = await aftersales
        .http()
        .post('/complaints')
        .set('Authorization', aftersales.auth('canteen', { canteenId: 'no-such-canteen' }))
        .send({ category: 'quality', cause: 'spoiled', subject: {}, description: '馊了' })
        .expect(422);
      expect(res.body).toMatchObject({
        code: 'COMPLAINT.UNKNOWN_CANTEEN',
        fields: [{ field: 'canteenId' }],
      });
      expect(await aftersales.connection.collection('complaints').countDocuments()).toBe(0);
    } finally {
      await aftersales.close({ drop: true });
    }
  });

  it('a JSON parse error does not echo the input back', async () => {
    const res = await orders
      .http()
      .post('/canteens')
      .set('Authorization', orders.auth('ops-manager'))
      .set('Content-Type', 'application/json')
      .send('{"name": <script>alert(1)</script>')
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION.MALFORMED_JSON',
      message: 'the body is not valid JSON',
    });
    expect(JSON.stringify(res.body)).not.toContain('script');
  });

  it('finding 6: no X-Powered-By banner, and /metrics not served in production', async () => {
    const res = await orders.http().get('/health/live').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    await orders.http().get('/metrics').expect(200);
    const prod = await startTestService(OrdersAppModule, {
      service: 'orders',
      namespace,
      config: {
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-0123',
        DOCS_ENABLED: false,
      },
    });
    try {
      await prod.http().get('/metrics').expect(404);
      await prod.http().get('/docs-json').expect(404);
      await prod.http().get('/docs').expect(404);
    } finally {
      await prod.close({ drop: true });
    }
  });
});
