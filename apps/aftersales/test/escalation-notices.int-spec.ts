/**
 * R-AS-4 over the real broker and database: an escalation reaches a person. A missed response
 * time and a complaint reopened twice each push one notice to the aftersales-lead's webhook,
 * retried with stored backoff while the receiver fails, recorded and listable.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOUR_MS, MINUTE_MS } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { AftersalesAppModule } from '../src/app.module';
import { EscalationNoticesService } from '../src/escalations/escalation-notices.service';
import { AftersalesTimersService } from '../src/timers/aftersales-timers.service';
import {
  aCompletedDelivery,
  authAs,
  PUBLISHED_AT,
  seedCanteenCopies,
} from './aftersales-factories';

const T0 = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 Asia/Shanghai

describe('escalations pushed to the aftersales-lead (real Kafka + MongoDB-wire)', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  let svc: TestService;
  let receiver: Server;
  let failuresLeft = 0;
  const received: Record<string, unknown>[] = [];
  const agent = () => authAs(svc, 'aftersales', { sub: 'agent-1' });
  const lead = () => authAs(svc, 'aftersales-lead', { sub: 'lead-1' });
  const canteen = () => authAs(svc, 'canteen', { canteenId: 'canteen-9' });
  const notices = async (query = '') =>
    (await svc.http().get(`/escalation-notices${query}`).set(lead()).expect(200)).body;
  const sweepNotices = () => svc.app.get(EscalationNoticesService).runNow();

  beforeAll(async () => {
    receiver = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          res.writeHead(503).end();
          return;
        }
        received.push(JSON.parse(body) as Record<string, unknown>);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    process.env.ESCALATION_WEBHOOK_URL = `http://127.0.0.1:${port}/lead`;
    svc = await startTestService(AftersalesAppModule, { service: 'aftersales', namespace });
    svc.clock.set(T0);
    await seedCanteenCopies(svc, ['canteen-9']);
    await svc
      .http()
      .put('/staff/chef-lead')
      .set(lead())
      .send({ name: 'chef-lead', department: 'kitchen', departmentLead: true })
      .expect(200);
  });

  afterAll(async () => {
    delete process.env.ESCALATION_WEBHOOK_URL;
    await svc?.close({ drop: true });
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('R-AS-4: a missed response time is pushed to the aftersales-lead once, retried while the receiver fails', async () => {
    const created = await svc
      .http()
      .post('/complaints')
      .set(canteen())
      .send({
        category: 'quality',
        cause: 'food-quality',
        subject: { orderId: 'order-9' },
        description: '米饭夹生',
      })
      .expect(201);
    const id = created.body.id as string;

    failuresLeft = 3; // the first stored attempt fails, in-process retries included
    svc.clock.advance(31 * MINUTE_MS);
    await svc.app.get(AftersalesTimersService).runNow();
    await sweepNotices();
    const [failed] = await notices(`?complaintId=${id}`);
    expect(failed).toMatchObject({
      id: `complaint:${id}:first-contact:${new Date(T0.getTime() + 30 * MINUTE_MS).toISOString()}`,
      kind: 'response-time-missed',
      recipient: 'aftersales-lead',
      timer: 'first-contact',
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 503',
    });
    expect(received).toHaveLength(0);

    await sweepNotices(); // not due yet: the stored backoff is 30 s
    expect((await notices(`?complaintId=${id}`))[0].attempts).toBe(1);
    svc.clock.advance(31_000);
    await sweepNotices();
    await svc.app.get(AftersalesTimersService).runNow(); // derives the same notice again: no new one
    await sweepNotices();
    const sent = await notices(`?complaintId=${id}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received).toEqual([
      expect.objectContaining({
        id: failed.id,
        kind: 'response-time-missed',
        recipient: 'aftersales-lead',
        complaintId: id,
        canteenId: 'canteen-9',
        timer: 'first-contact',
      }),
    ]);
    await svc.http().get('/escalation-notices').set(canteen()).expect(403);
  });

  it('R-AS-4: a complaint reopened twice by the canteen is pushed to the aftersales-lead as a special case', async () => {
    const created = await svc
      .http()
      .post('/complaints')
      .set(canteen())
      .send({
        category: 'service',
        cause: 'staff-attitude',
        subject: {},
        description: '送货员态度差',
      })
      .expect(201);
    const id = created.body.id as string;
    const step = (path: string, body: object, who = agent()) =>
      svc.http().post(`/complaints/${id}/${path}`).set(who).send(body).expect(200);
    for (let round = 0; round < 2; round++) {
      await step('assessment', { valid: true });
      await step('assignment', { handlingPlan: 'talk to the driver' });
      await step('investigation', { department: 'delivery', finding: 'rude at the gate' });
      await step('resolution', { resolution: 'apology and training' });
      await step('approval', {});
      await step('customer-notification', { message: 'we apologise' });
      await step('customer-answer', { satisfied: false, comment: '还是不满意' }, canteen());
    }
    const complaint = (await svc.http().get(`/complaints/${id}`).set(lead()).expect(200)).body;
    expect(complaint.specialCase).toBe(true);

    await svc.app.get(AftersalesTimersService).runNow();
    await sweepNotices();
    expect(await notices(`?complaintId=${id}&kind=special-case`)).toEqual([
      expect.objectContaining({
        id: `complaint:${id}:special-case`,
        recipient: 'aftersales-lead',
        status: 'sent',
        attempts: 1,
      }),
    ]);
    expect(received.map((r) => r.id)).toContain(`complaint:${id}:special-case`);
  });

  it('R-AS-4: a complaint born from a delivery event over Kafka escalates and is pushed when its handling plan is late', async () => {
    await probe.publish(
      'delivery.delivery.completed',
      'del-esc',
      aCompletedDelivery({ deliveryId: 'del-esc', canteenId: 'canteen-9' }),
      PUBLISHED_AT,
    );
    const callId = 'delivery-del-esc-satisfaction-call';
    await eventually(async () =>
      expect((await svc.http().get(`/follow-ups/${callId}`).set(agent()).expect(200)).body.id).toBe(
        callId,
      ),
    );
    svc.clock.set(new Date('2026-03-03T02:00:00Z')); // the next Shanghai day: the call is due
    await svc
      .http()
      .post(`/follow-ups/${callId}/completion`)
      .set(agent())
      .send({
        notes: 'called the canteen',
        survey: {
          attitude: 'very-dissatisfied',
          skill: 'satisfied',
          'arrival-time': 'satisfied',
          'keeping-promises': 'satisfied',
        },
      })
      .expect(200);
    const complaintId = `survey-${callId}`;
    svc.clock.advance(2 * HOUR_MS + MINUTE_MS); // no handling plan within 2 h
    await svc.app.get(AftersalesTimersService).runNow();
    await sweepNotices();
    expect(await notices(`?complaintId=${complaintId}`)).toEqual([
      expect.objectContaining({
        kind: 'response-time-missed',
        timer: 'handling-plan',
        recipient: 'aftersales-lead',
        canteenId: 'canteen-9',
        status: 'sent',
      }),
    ]);
    expect(received.map((r) => r.complaintId)).toContain(complaintId);
  });
});
