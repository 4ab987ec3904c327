/**
 * Issue 12, finding 1: a scoped caller (canteen, supplier, driver) reads only its own records,
 * through the real API. Someone else's record is a 404, never a 200 with their data; a list
 * never shows another tenant's rows, whatever the query asks for.
 */
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  TestService,
} from '@app/common/testing';
import { DeliveryAppModule } from '../apps/delivery/src/app.module';
import { OrdersAppModule } from '../apps/orders/src/app.module';
import { ProcurementAppModule } from '../apps/procurement/src/app.module';
import { anOrderConfirmed } from '../apps/delivery/src/testing/delivery-int-helpers';
import { anIngredient, aSupplier } from '../apps/procurement/test/procurement-fixtures';

const aCanteen = (name: string) => ({
  name,
  address: '上海市浦东新区张江路 100 号',
  contact: { name: '王经理', phone: '13800000000' },
  receivingWindow: { from: '06:00', to: '17:00' },
});

describe('tenant scope through the API (issue 12, finding 1)', () => {
  const namespace = newNamespace();
  let orders: TestService;
  let procurement: TestService;
  let delivery: TestService;

  beforeAll(async () => {
    [orders, procurement, delivery] = await Promise.all([
      startTestService(OrdersAppModule, { service: 'orders', namespace }),
      startTestService(ProcurementAppModule, { service: 'procurement', namespace }),
      startTestService(DeliveryAppModule, { service: 'delivery', namespace }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([orders, procurement, delivery].map((s) => s?.close({ drop: true })));
  });

  it('a supplier token gets 404 for another supplier, and lists only itself', async () => {
    await procurement
      .http()
      .post('/ingredients')
      .set('Authorization', procurement.auth('buyer'))
      .send(anIngredient())
      .expect(201);
    const register = async (name: string) =>
      (
        await procurement
          .http()
          .post('/suppliers')
          .set('Authorization', procurement.auth('buyer'))
          .send(aSupplier(['PORK-BELLY'], { name }))
          .expect(201)
      ).body as { id: string };
    const mine = await register('浦东肉联厂');
    const theirs = await register('闵行肉联厂');
    const asMine = procurement.auth('supplier', { supplierId: mine.id });

    const other = await procurement
      .http()
      .get(`/suppliers/${theirs.id}`)
      .set('Authorization', asMine);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('闵行肉联厂');
    const own = await procurement.http().get(`/suppliers/${mine.id}`).set('Authorization', asMine);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: mine.id, name: '浦东肉联厂' });
    const list = await procurement
      .http()
      .get('/suppliers')
      .set('Authorization', asMine)
      .expect(200);
    expect((list.body as { id: string }[]).map((s) => s.id)).toEqual([mine.id]);
  });

  it('a canteen token gets 404 for another canteen and its list holds only itself', async () => {
    const register = async (name: string) =>
      (
        await orders
          .http()
          .post('/canteens')
          .set('Authorization', orders.auth('ops-manager'))
          .send(aCanteen(name))
          .expect(201)
      ).body as { id: string };
    const mine = await register('第一营业点');
    const theirs = await register('第二营业点');
    const asMine = orders.auth('canteen', { canteenId: mine.id });

    const other = await orders.http().get(`/canteens/${theirs.id}`).set('Authorization', asMine);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('第二营业点');
    await orders.http().get(`/canteens/${mine.id}`).set('Authorization', asMine).expect(200);
    const list = await orders.http().get('/canteens').set('Authorization', asMine).expect(200);
    expect((list.body as { id: string }[]).map((c) => c.id)).toEqual([mine.id]);
    const asked = await orders
      .http()
      .get(`/orders?canteenId=${theirs.id}`)
      .set('Authorization', asMine)
      .expect(200);
    expect(asked.body).toEqual([]);
  });

  it('a canteen or driver token gets 404 for a delivery that is not theirs', async () => {
    const order = anOrderConfirmed({ canteenId: 'canteen-a' });
    await new KafkaProbe(namespace).publish(
      'orders.order.confirmed',
      order.orderId,
      order,
      new Date(order.confirmedAt),
    );
    const staff = delivery.auth('dispatcher');
    const found = await eventually(async () => {
      const res = await delivery
        .http()
        .get(`/deliveries?orderId=${order.orderId}`)
        .set('Authorization', staff);
      expect(res.body).toHaveLength(1);
      return (res.body as { id: string }[])[0];
    });
    const asOther = delivery.auth('canteen', { canteenId: 'canteen-b' });
    await delivery.http().get(`/deliveries/${found.id}`).set('Authorization', asOther).expect(404);
    const listed = await delivery
      .http()
      .get('/deliveries?canteenId=canteen-a')
      .set('Authorization', asOther)
      .expect(200);
    expect(listed.body).toEqual([]);
    await delivery
      .http()
      .get(`/deliveries/${found.id}`)
      .set('Authorization', delivery.auth('driver', { driverId: 'driver-x' }))
      .expect(404);
    await delivery
      .http()
      .get(`/deliveries/${found.id}`)
      .set('Authorization', delivery.auth('canteen', { canteenId: 'canteen-a' }))
      .expect(200);
  });
});
