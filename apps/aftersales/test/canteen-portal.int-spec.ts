/**
 * The canteen portal's use of aftersales, over the real broker and database: a canteen answers
 * its own follow-up survey (R-AS-15) and files its own complaint (R-AS-1); another canteen's
 * token finds neither (404), lists neither, and cannot answer for it.
 */
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { AftersalesAppModule } from '../src/app.module';
import {
  aCompletedDelivery,
  authAs,
  PUBLISHED_AT,
  seedCanteenCopies,
} from './aftersales-factories';

const SURVEY = {
  attitude: 'very-satisfied',
  skill: 'satisfied',
  'arrival-time': 'very-satisfied',
  'keeping-promises': 'satisfied',
};

describe('canteen portal: own surveys and complaints only (real Kafka + MongoDB-wire)', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  let svc: TestService;
  const mine = () => authAs(svc, 'canteen', { sub: 'manager-a', canteenId: 'canteen-a' });
  const theirs = () => authAs(svc, 'canteen', { sub: 'manager-b', canteenId: 'canteen-b' });

  beforeAll(async () => {
    svc = await startTestService(AftersalesAppModule, { service: 'aftersales', namespace });
    svc.clock.set(PUBLISHED_AT);
    await seedCanteenCopies(svc, ['canteen-a', 'canteen-b']);
  });

  afterAll(async () => {
    await svc?.close({ drop: true });
  });

  it('R-AS-15: a canteen answers the four questions of its own survey; another canteen gets 404', async () => {
    const delivery = aCompletedDelivery({ deliveryId: 'del-a', canteenId: 'canteen-a' });
    await probe.publish('delivery.delivery.completed', delivery.deliveryId, delivery, PUBLISHED_AT);
    const call = await eventually(async () => {
      const res = await svc.http().get('/follow-ups?triggerId=del-a').set(mine()).expect(200);
      const found = (res.body as { id: string; kind: string }[]).find(
        (f) => f.kind === 'satisfaction-call',
      );
      if (!found) throw new Error('no follow-up yet');
      return found;
    });

    expect((await svc.http().get('/follow-ups').set(theirs()).expect(200)).body).toEqual([]);
    await svc.http().get(`/follow-ups/${call.id}`).set(theirs()).expect(404);
    await svc
      .http()
      .post(`/follow-ups/${call.id}/completion`)
      .set(theirs())
      .send({ notes: 'not ours', survey: SURVEY })
      .expect(404);

    svc.clock.set(new Date(PUBLISHED_AT.getTime() + 24 * 3600_000)); // the next Shanghai day
    const refused = await svc
      .http()
      .post(`/follow-ups/${call.id}/completion`)
      .set(mine())
      .send({ notes: '送货准时', survey: SURVEY, openPoints: ['想要周日送货'] })
      .expect(400);
    expect(refused.body.code).toBe('FOLLOW_UP.OPEN_POINTS_BY_STAFF');
    const done = await svc
      .http()
      .post(`/follow-ups/${call.id}/completion`)
      .set(mine())
      .send({ notes: '送货准时', survey: SURVEY })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'done', score: { total: 14 } });
  });

  it('R-AS-1: a canteen files its own complaint through the app; another canteen neither sees nor lists it', async () => {
    const filed = await svc
      .http()
      .post('/complaints')
      .set(mine())
      .send({
        category: 'quality',
        cause: 'wrong-spec',
        subject: { orderId: 'order-1', deliveryId: 'del-a' },
        description: '面条偏粗，与订单不符',
        request: '下次按细面配送',
      })
      .expect(201);
    expect(filed.body).toMatchObject({
      canteenId: 'canteen-a',
      channel: 'app',
      status: 'recorded',
    });
    await svc.http().get(`/complaints/${filed.body.id}`).set(theirs()).expect(404);
    expect((await svc.http().get('/complaints').set(theirs()).expect(200)).body).toEqual([]);
    const own = await svc.http().get('/complaints').set(mine()).expect(200);
    expect(own.body.map((c: { id: string }) => c.id)).toEqual([filed.body.id]);
    // filing for another canteen with a canteen token is not possible
    await svc
      .http()
      .post('/complaints')
      .set(theirs())
      .send({
        canteenId: 'canteen-a',
        category: 'service',
        cause: 'late-delivery',
        subject: {},
        description: '冒名投诉',
      })
      .expect(404);
  });
});
