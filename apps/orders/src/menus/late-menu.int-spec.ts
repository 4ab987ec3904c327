/**
 * R-MENU-1 over the real broker: on a fresh system in the middle of a week, the chef can no
 * longer publish its menu, but the ops-manager can — with a recorded reason — and it serves the
 * meals from the next one the kitchen can still cook, so a new customer orders this week.
 */
import 'reflect-metadata';
import { fromShanghai, ManualClock } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { OrdersAppModule } from '../app.module';
import { aCanteenDto, anIngredient, eventsOn } from '../testing/int-helpers';

const WEEK = '2026-W50'; // Monday 2026-12-07
const WEDNESDAY_09_00 = fromShanghai(2026, 12, 9, 9);

const draft = {
  dishes: [
    {
      dishId: 'braised-pork',
      name: '红烧肉',
      pricePerPortion: '15.00',
      recipe: [{ sku: 'PORK-BELLY', quantityPerPortion: 150 }],
    },
  ],
  offerings: [
    { date: '2026-12-09', meal: 'lunch', dishId: 'braised-pork' }, // 11:30: too soon to cook
    { date: '2026-12-09', meal: 'dinner', dishId: 'braised-pork' },
    { date: '2026-12-10', meal: 'lunch', dishId: 'braised-pork' },
  ],
};

describe('a late menu lets a new customer order this week (real broker)', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  const clock = new ManualClock(WEDNESDAY_09_00);
  let orders: TestService;
  let canteenId: string;

  beforeAll(async () => {
    orders = await startTestService(OrdersAppModule, { service: 'orders', namespace, clock });
    await probe.publish(
      'procurement.ingredient.registered',
      'PORK-BELLY',
      anIngredient('PORK-BELLY', '五花肉'),
      WEDNESDAY_09_00,
    );
    canteenId = (
      await orders
        .http()
        .post('/canteens')
        .set('Authorization', orders.auth('ops-manager'))
        .send(aCanteenDto({ name: '新客户营业点' }))
        .expect(201)
    ).body.id;
    await eventually(async () =>
      expect(await orders.connection.collection('ingredients').countDocuments()).toBe(1),
    );
  });

  afterAll(async () => {
    await orders?.close({ drop: true });
  });

  it('R-MENU-1: the ops-manager publishes a late menu with a reason, effective from the next meal that can still be cooked', async () => {
    await orders
      .http()
      .put(`/menus/${WEEK}/draft`)
      .set('Authorization', orders.auth('chef'))
      .send(draft)
      .expect(200);
    const onTime = await orders
      .http()
      .post(`/menus/${WEEK}/publish`)
      .set('Authorization', orders.auth('chef'))
      .expect(422);
    expect(onTime.body.code).toBe('MENU.PUBLISH_DEADLINE_PASSED');

    await orders
      .http()
      .post(`/menus/${WEEK}/late-publication`)
      .set('Authorization', orders.auth('chef'))
      .send({ reason: 'new customer' })
      .expect(403);
    const noReason = await orders
      .http()
      .post(`/menus/${WEEK}/late-publication`)
      .set('Authorization', orders.auth('ops-manager', { sub: 'ops-zhang' }))
      .send({ reason: '' })
      .expect(400);
    expect(noReason.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    await orders
      .http()
      .get(`/menus/${WEEK}`)
      .set('Authorization', orders.auth('canteen', { canteenId }))
      .expect(404); // the refusals changed nothing

    const late = await orders
      .http()
      .post(`/menus/${WEEK}/late-publication`)
      .set('Authorization', orders.auth('ops-manager', { sub: 'ops-zhang' }))
      .send({ reason: '新客户本周三开始供餐' })
      .expect(200);
    expect(late.body).toMatchObject({
      status: 'published',
      late: {
        reason: '新客户本周三开始供餐',
        by: 'ops-zhang',
        at: WEDNESDAY_09_00.toISOString(),
        effectiveFrom: fromShanghai(2026, 12, 9, 17, 30).toISOString(),
        dropped: [draft.offerings[0]],
      },
      offerings: [draft.offerings[1], draft.offerings[2]],
    });
    await eventually(async () => {
      const published = (await eventsOn(probe, 'orders.menu.events')).filter(
        (e) => e.type === 'orders.menu.published' && e.subject === late.body.id,
      );
      expect(published).toHaveLength(1);
      expect(published[0].data).toMatchObject({ week: WEEK, ingredientSkus: ['PORK-BELLY'] });
    });

    // The canteen sees the menu and orders tonight's dinner; lunch was too soon to be cooked.
    const seen = await orders
      .http()
      .get(`/menus/${WEEK}`)
      .set('Authorization', orders.auth('canteen', { canteenId }))
      .expect(200);
    expect(seen.body.late.effectiveFrom).toBe(late.body.late.effectiveFrom);
    const order = (meal: string, key: string) =>
      orders
        .http()
        .post('/orders')
        .set('Authorization', orders.auth('canteen', { canteenId }))
        .set('Idempotency-Key', key)
        .send({
          dishes: [{ dishId: 'braised-pork', date: '2026-12-09', meal, portions: 30 }],
          ingredients: [],
          requestedTime: fromShanghai(2026, 12, 9, 11).toISOString(),
        });
    const dinner = await order('dinner', 'late-menu-dinner-1').expect(201);
    expect(dinner.body.status).toBe('placed');
    const lunch = await order('lunch', 'late-menu-lunch-1').expect(422);
    expect(lunch.body.code).toBe('ORDER.DISH_NOT_OFFERED');
  });
});
