/**
 * Returns (R-AS-6/7), visit plans (R-AS-17), input validation, and timers after a restart
 * (R-AS-4/18) — over the real broker and database.
 */
import { HOUR_MS, MINUTE_MS, type ReturnApproved } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { AftersalesAppModule } from '../src/app.module';
import { AftersalesTimersService } from '../src/timers/aftersales-timers.service';
import {
  aCompletedDelivery,
  aDeliveredLine,
  authAs,
  PUBLISHED_AT,
  seedCanteenCopies,
} from './aftersales-factories';

const T0 = new Date('2026-03-02T02:00:00Z');

describe('aftersales returns, plans and restarts (real Kafka + MongoDB-wire)', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  const database = `test_aftersales_${namespace}_restart`;
  let svc: TestService;
  const agent = () => authAs(svc, 'aftersales', { sub: 'agent-1' });
  const lead = () => authAs(svc, 'aftersales-lead', { sub: 'lead-1' });

  beforeAll(async () => {
    svc = await startTestService(AftersalesAppModule, {
      service: 'aftersales',
      namespace,
      database,
    });
    svc.clock.set(T0);
    await seedCanteenCopies(svc, ['canteenId-1']);
  });

  afterAll(async () => {
    await svc?.close({ drop: true });
  });

  it('R-AS-6 / R-AS-7: a returned ingredient is credited, inspected by procurement and its cause charged', async () => {
    const delivery = aCompletedDelivery({
      deliveryId: 'del-rice',
      lines: [
        aDeliveredLine({
          lineId: 'rice',
          kind: 'ingredient',
          itemId: 'sku-rice',
          name: '大米',
          orderedQuantity: 50_000,
          acceptedQuantity: 40_000,
          rejectedQuantity: 10_000,
          rejectionReason: 'damaged',
        }),
      ],
    });
    await probe.publish('delivery.delivery.completed', delivery.deliveryId, delivery, PUBLISHED_AT);
    const opened = await eventually(
      async () => (await svc.http().get('/remedies/del-rice:rice').set(agent()).expect(200)).body,
    );
    expect(opened).toMatchObject({ type: 'exchange', needBy: '2026-03-03T02:30:00.000Z' }); // ingredient: 24 h default

    const canteen = authAs(svc, 'canteen', { canteenId: 'canteenId-1' });
    await svc
      .http()
      .post('/remedies/del-rice:rice/choice')
      .set(canteen)
      .send({ remedy: 'return' })
      .expect(200);
    await svc.http().post('/remedies/del-rice:rice/approval').set(agent()).expect(200);

    const event = await eventually(async () => {
      const events = await probe.events<ReturnApproved>('aftersales.return.events');
      const found = events.find((e) => e.subject === 'del-rice:rice');
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.type).toBe('aftersales.return.approved');
    expect(event.data).toMatchObject({
      returnId: 'del-rice:rice',
      canteenId: 'canteenId-1',
      lines: [{ lineId: 'rice', quantity: 10_000, sku: 'sku-rice' }],
    });

    // The cause cannot be charged before procurement inspected the goods.
    const charge = {
      department: 'warehouse-transport',
      staffId: 'driver-3',
      note: 'sacks torn in the van',
    };
    await svc
      .http()
      .post('/remedies/del-rice:rice/cause-charge')
      .set(agent())
      .send(charge)
      .expect(409);
    await probe.publish(
      'procurement.returned-goods.inspected',
      'del-rice:rice',
      {
        returnId: 'del-rice:rice',
        outcome: 'written-off',
        inspectedBy: 'warehouse-1',
        inspectedAt: '2026-03-02T06:00:00.000Z',
        cause: 'packaging torn',
        lines: [{ sku: 'sku-rice', quantity: 10_000 }],
      },
      PUBLISHED_AT,
    );
    await eventually(async () => {
      expect(
        (await svc.http().get('/remedies/del-rice:rice').set(agent()).expect(200)).body,
      ).toMatchObject({
        status: 'inspected',
        inspection: { outcome: 'written-off', cause: 'packaging torn' },
      });
    });
    const charged = await svc
      .http()
      .post('/remedies/del-rice:rice/cause-charge')
      .set(agent())
      .send(charge)
      .expect(200);
    expect(charged.body).toMatchObject({
      status: 'charged',
      charge: { department: 'warehouse-transport', staffId: 'driver-3' },
    });
  });

  it('R-AS-17: a quarterly visit plan per canteen is split into months and visits count in their month', async () => {
    const plans = await svc
      .http()
      .post('/visit-plans')
      .set(lead())
      .send({ quarter: '2026-Q1', visitsPerQuarter: 4, canteenIds: ['canteenId-1', 'canteen-2'] })
      .expect(201);
    expect(plans.body).toHaveLength(2);
    expect(plans.body[0].months).toEqual({
      '2026-01': { planned: 2, done: 0 },
      '2026-02': { planned: 1, done: 0 },
      '2026-03': { planned: 1, done: 0 },
    });
    const visited = await svc
      .http()
      .post('/visit-plans/canteenId-1-2026-Q1/visits')
      .set(agent())
      .send({ notes: 'kitchen tour' })
      .expect(201);
    expect(visited.body.months['2026-03']).toEqual({ planned: 1, done: 1 });
    const own = await svc
      .http()
      .get('/visit-plans')
      .set(authAs(svc, 'canteen', { canteenId: 'canteen-2' }))
      .expect(200);
    expect(own.body.map((p: { id: string }) => p.id)).toEqual(['canteen-2-2026-Q1']);
  });

  it('R-AS-1: bad input is refused naming the field, and changes nothing', async () => {
    const res = await svc
      .http()
      .post('/complaints')
      .set(agent())
      .send({
        canteenId: 'c',
        channel: 'call',
        category: 'quality',
        cause: 'late-delivery',
        subject: {},
        description: 'late',
      })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'COMPLAINT.CAUSE_NOT_IN_CATEGORY',
      fields: [{ field: 'cause' }],
    });
    const unknown = await svc
      .http()
      .post('/complaints')
      .set(agent())
      .send({ canteenId: 'c', channel: 'fax' })
      .expect(400);
    expect(unknown.body.fields.map((f: { field: string }) => f.field)).toContain('channel');
    expect((await svc.http().get('/complaints').set(agent()).expect(200)).body).toEqual([]);
    await svc.http().post('/complaints').set(authAs(svc, 'driver')).send({}).expect(403);
  });

  it('R-AS-4 / R-AS-18: times missed while the service was down escalate once after the restart', async () => {
    svc.clock.set(T0);
    const created = await svc
      .http()
      .post('/complaints')
      .set(agent())
      .send({
        canteenId: 'canteenId-1',
        channel: 'visit',
        category: 'service',
        cause: 'late-delivery',
        subject: { deliveryId: 'd' },
        description: '晚到',
      })
      .expect(201);
    const id = created.body.id as string;
    const clock = svc.clock;
    await svc.close();

    // Down for 3 hours: the handling plan (2 h) fell due meanwhile.
    clock.advance(3 * HOUR_MS);
    svc = await startTestService(AftersalesAppModule, {
      service: 'aftersales',
      namespace,
      database,
      clock,
    });
    const due = (await svc.http().get('/due-list').set(agent()).expect(200)).body;
    expect(due.complaints.find((c: { id: string }) => c.id === id)?.breached).toEqual([
      'handling-plan',
    ]);

    await svc.app.get(AftersalesTimersService).runNow();
    clock.advance(MINUTE_MS);
    await svc.app.get(AftersalesTimersService).runNow();
    const c = (await svc.http().get(`/complaints/${id}`).set(agent()).expect(200)).body;
    expect(c.steps.filter((s: { step: string }) => s.step === 'escalated')).toHaveLength(1);
    expect(c.timers['handling-plan'].escalatedAt).toBe(
      new Date(T0.getTime() + 3 * HOUR_MS).toISOString(),
    );
    expect(c.timers['first-contact']).toBeUndefined(); // service complaints have no 30-minute call
  });
});
