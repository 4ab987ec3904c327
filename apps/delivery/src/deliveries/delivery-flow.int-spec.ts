import 'reflect-metadata';
import { ManualClock, MINUTE_MS, HOUR_MS } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { DeliveryAppModule } from '../app.module';
import { WebhookSenderService } from '../notifications/webhook-sender.service';
import { CONFIRMED_AT, REQUESTED_TIME, at } from '../testing/delivery-factories';
import {
  aCanteenSnapshot,
  anOrderChange,
  anOrderConfirmed,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../testing/delivery-int-helpers';
import { SlaSweepService } from './sla-sweep.service';

interface EventSeen {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

describe('delivery service against the real broker and database', () => {
  const namespace = newNamespace();
  const database = `test_delivery_${namespace}`;
  const probe = new KafkaProbe(namespace);
  const clock = new ManualClock(CONFIRMED_AT);
  let receiver: WebhookReceiver;
  let service: TestService;
  let second: TestService | undefined;

  const start = () =>
    startTestService(DeliveryAppModule, { service: 'delivery', namespace, clock, database });
  const sweep = (s: TestService = service) => s.app.get(SlaSweepService).runDueTimers();
  const dispatcher = () => service.auth('dispatcher');
  const driver = (driverId = 'driver-1') => service.auth('driver', { driverId });

  async function deliveryOf(
    orderId: string,
  ): Promise<{ id: string; status: string; deadline: string; lines: object[] }> {
    return eventually(async () => {
      const res = await service
        .http()
        .get('/deliveries')
        .query({ orderId })
        .set('Authorization', dispatcher());
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(1);
      return res.body[0];
    });
  }

  async function deliveryEvents(deliveryId: string): Promise<EventSeen[]> {
    await service.flushOutbox();
    // "Fires once" means one distinct event id: the relay publishes at least once.
    const events = await probe.events('delivery.delivery.events');
    return events.filter((e) => e.subject === deliveryId);
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    process.env.PROJECT_MANAGER_WEBHOOK_URL = receiver.url('/pm');
    service = await start();
    await probe.publish(
      'orders.canteen.registered',
      'canteen-1',
      aCanteenSnapshot({ webhookUrl: receiver.url('/canteen') }),
      CONFIRMED_AT,
    );
    await eventually(async () => {
      expect(await service.connection.collection('canteen_copies').countDocuments()).toBe(1);
    });
    for (const driverId of ['driver-1', 'driver-2']) {
      await service
        .http()
        .post('/drivers')
        .set('Authorization', dispatcher())
        .send({ driverId, name: `Driver ${driverId}`, phone: '13900000000', vehicle: 'van' })
        .expect(201);
    }
  });

  afterAll(async () => {
    await second?.close();
    await service?.close({ drop: true });
    await receiver?.close();
    delete process.env.PROJECT_MANAGER_WEBHOOK_URL;
  });

  it('R-DEL-1…R-DEL-8: confirmed order → at risk and breach once, across restart and instances → signed delivery with a rejected line', async () => {
    const order = anOrderConfirmed();
    await probe.publish('orders.order.confirmed', order.orderId, order, CONFIRMED_AT);
    // R-DEL-1, R-DEL-2: a delivery with the canteen's name, contact, address and window for the
    // driver, and the requested time as deadline.
    const created = await deliveryOf(order.orderId);
    expect(created).toMatchObject({
      status: 'scheduled',
      deadline: REQUESTED_TIME.toISOString(),
      deadlineBasis: 'requested-time',
      destination: {
        name: 'First canteen',
        contact: { name: 'Manager Li', phone: '13800000000' },
        address: '1 Canteen Road',
        receivingWindow: { from: '09:00', to: '12:00' },
      },
    });
    const id = created.id;
    // Redelivery of the same confirmation creates nothing.
    await probe.publish('orders.order.confirmed', order.orderId, order, CONFIRMED_AT);

    await service
      .http()
      .post(`/deliveries/${id}/assignment`)
      .set('Authorization', dispatcher())
      .send({ driverId: 'driver-1' })
      .expect(200);

    // R-DEL-5: within 2 h of the deadline and not dispatched → at risk, once.
    clock.set(at(REQUESTED_TIME, -2 * HOUR_MS + MINUTE_MS));
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);

    // After a restart nothing fires twice; two instances sweeping together fire the breach once.
    await service.close();
    service = await start();
    expect(await sweep()).toBe(0);
    second = await start();
    clock.set(at(REQUESTED_TIME, MINUTE_MS));
    const counts = await Promise.all([sweep(service), sweep(second)]);
    expect(counts[0] + counts[1]).toBe(1);
    await second.flushOutbox();
    await second.close();
    second = undefined;

    // R-DEL-3: only the assigned driver confirms; another driver does not even see it.
    await service
      .http()
      .post(`/deliveries/${id}/pickup`)
      .set('Authorization', driver('driver-2'))
      .expect(404);
    await service
      .http()
      .post(`/deliveries/${id}/pickup`)
      .set('Authorization', driver())
      .expect(200);
    clock.advance(5 * MINUTE_MS);
    const arrived = await service
      .http()
      .post(`/deliveries/${id}/check-in`)
      .set('Authorization', driver())
      .expect(200);
    expect(arrived.body.serviceEndsAt).toBe('2026-01-05T04:00:00.000Z'); // 12:00 Shanghai

    // R-DEL-3: no delivery without proof; the refusal names the field and changes nothing.
    const lines = [
      {
        lineId: 'line-1',
        acceptedQuantity: 9_000,
        rejectedQuantity: 1_000,
        rejectionReason: 'spoiled',
      },
      { lineId: 'line-2', acceptedQuantity: 40, rejectedQuantity: 0 },
    ];
    const refused = await service
      .http()
      .post(`/deliveries/${id}/delivered`)
      .set('Authorization', driver())
      .send({ lines });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'DELIVERY.PROOF_REQUIRED',
      fields: [{ field: 'proof' }],
    });
    const unbalanced = await service
      .http()
      .post(`/deliveries/${id}/delivered`)
      .set('Authorization', driver())
      .send({
        lines: [{ ...lines[0], rejectedQuantity: 500 }, lines[1]],
        proof: {
          receiverName: 'Wang Fang',
          receivedAt: clock.now().toISOString(),
          signatureRef: 'sig-1',
        },
      });
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body.fields).toEqual([
      { field: 'lines[0]', reason: expect.stringContaining('accepted + rejected') },
    ]);

    clock.advance(10 * MINUTE_MS);
    const delivered = await service
      .http()
      .post(`/deliveries/${id}/delivered`)
      .set('Authorization', driver())
      .send({
        lines,
        proof: {
          receiverName: 'Wang Fang',
          receivedAt: clock.now().toISOString(),
          signatureRef: 'sig-1',
          temperatureCelsius: 3.5,
        },
      })
      .expect(200);
    expect(delivered.body).toMatchObject({
      status: 'delivered',
      proof: { receiverName: 'Wang Fang' },
    });

    // R-DEL-7: checking out before the window's end is an early departure.
    clock.advance(5 * MINUTE_MS);
    await service
      .http()
      .post(`/deliveries/${id}/check-out`)
      .set('Authorization', driver())
      .expect(200);

    const events = await deliveryEvents(id);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect({
      scheduled: count('delivery.delivery.scheduled'),
      atRisk: count('delivery.delivery.at-risk'),
      breached: count('delivery.delivery.breached'),
      dispatched: count('delivery.delivery.dispatched'),
      completed: count('delivery.delivery.completed'),
      early: count('delivery.delivery.early-departure'),
    }).toEqual({ scheduled: 1, atRisk: 1, breached: 1, dispatched: 1, completed: 1, early: 1 });
    const completed = events.find((e) => e.type === 'delivery.delivery.completed')!;
    // R-DEL-4: the rejected quantity and its reason travel to aftersales.
    expect(completed.data).toMatchObject({
      onTime: false,
      receiverName: 'Wang Fang',
      lines: [
        {
          lineId: 'line-1',
          orderedQuantity: 10_000,
          acceptedQuantity: 9_000,
          rejectedQuantity: 1_000,
          rejectionReason: 'spoiled',
        },
        { lineId: 'line-2', acceptedQuantity: 40, rejectedQuantity: 0 },
      ],
    });
    expect(events.find((e) => e.type === 'delivery.delivery.early-departure')!.data).toMatchObject({
      driverId: 'driver-1',
      serviceEndsAt: '2026-01-05T04:00:00.000Z',
    });

    // R-DEL-5: the project manager and the canteen are notified, stored and sent by webhook.
    const notifications = await eventually(async () => {
      const res = await service
        .http()
        .get('/notifications')
        .query({ deliveryId: id })
        .set('Authorization', dispatcher());
      expect(res.body).toHaveLength(4);
      return res.body as { kind: string; recipient: string }[];
    });
    expect(notifications.map((n) => `${n.kind}:${n.recipient}`).sort()).toEqual([
      'at-risk:canteen',
      'at-risk:project-manager',
      'breach:canteen',
      'breach:project-manager',
    ]);
    expect(await service.app.get(WebhookSenderService).sendDue()).toBe(4);
    expect(receiver.received.map((r) => r.path).sort()).toEqual([
      '/canteen',
      '/canteen',
      '/pm',
      '/pm',
    ]);
    const ownNotifications = await service
      .http()
      .get('/notifications')
      .set('Authorization', service.auth('canteen', { canteenId: 'canteen-1' }))
      .expect(200);
    expect(ownNotifications.body.map((n: { recipient: string }) => n.recipient)).toEqual([
      'canteen',
      'canteen',
    ]);

    // R-DEL-8: the breach shows in the on-time report.
    const report = await service
      .http()
      .get('/reports/on-time')
      .query({ from: '2026-01-05', to: '2026-01-05' })
      .set('Authorization', service.auth('ops-manager'))
      .expect(200);
    expect(report.body.total).toMatchObject({ breached: 1, onTime: 0 });
    expect(report.body.byDriver).toEqual([
      expect.objectContaining({ key: 'driver-1', breached: 1 }),
    ]);
    expect(report.body.breaches).toEqual([
      expect.objectContaining({ deliveryId: id, waived: false }),
    ]);
  });

  it('R-DEL-6: a dispatcher records force majeure within 3 days: breach waived, new time is the deadline', async () => {
    clock.set(CONFIRMED_AT);
    const order = anOrderConfirmed();
    await probe.publish('orders.order.confirmed', order.orderId, order, CONFIRMED_AT);
    const { id } = await deliveryOf(order.orderId);
    clock.set(at(REQUESTED_TIME, HOUR_MS));
    await sweep();
    const flood = at(REQUESTED_TIME, -3 * HOUR_MS);
    const body = {
      cause: 'flood',
      proofRef: 'doc-77',
      occurredAt: flood.toISOString(),
      canteenNotifiedAt: at(flood, 20 * MINUTE_MS).toISOString(),
      newDeliveryTime: at(REQUESTED_TIME, 6 * HOUR_MS).toISOString(),
    };
    // Only a dispatcher records it.
    await service
      .http()
      .post(`/deliveries/${id}/force-majeure`)
      .set('Authorization', driver())
      .send(body)
      .expect(403);
    const waived = await service
      .http()
      .post(`/deliveries/${id}/force-majeure`)
      .set('Authorization', dispatcher())
      .send(body)
      .expect(200);
    expect(waived.body).toMatchObject({
      deadline: body.newDeliveryTime,
      deadlineBasis: 'force-majeure',
    });
    expect(waived.body.breaches[0].waivedAt).toBeDefined();

    clock.set(at(flood, 3 * 24 * HOUR_MS + MINUTE_MS));
    const late = await service
      .http()
      .post(`/deliveries/${id}/force-majeure`)
      .set('Authorization', dispatcher())
      .send({ ...body, newDeliveryTime: at(clock.now(), HOUR_MS).toISOString() });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('FORCE_MAJEURE.TOO_LATE');

    const events = await deliveryEvents(id);
    expect(events.filter((e) => e.type === 'delivery.delivery.breach-waived')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          cause: 'flood',
          proofRef: 'doc-77',
          newDeadline: body.newDeliveryTime,
        }),
      }),
    ]);
  });

  it('R-ORD-4: scoped reads, order changes before pickup, and cancelled orders cancel deliveries', async () => {
    clock.set(CONFIRMED_AT);
    const order = anOrderConfirmed();
    await probe.publish('orders.order.confirmed', order.orderId, order, CONFIRMED_AT);
    const { id } = await deliveryOf(order.orderId);
    await service
      .http()
      .get(`/deliveries/${id}`)
      .set('Authorization', service.auth('canteen', { canteenId: 'canteen-2' }))
      .expect(404);
    await service
      .http()
      .get(`/deliveries/${id}`)
      .set('Authorization', service.auth('canteen', { canteenId: 'canteen-1' }))
      .expect(200);
    await service
      .http()
      .post(`/deliveries/${id}/assignment`)
      .set('Authorization', service.auth('canteen'))
      .send({ driverId: 'driver-1' })
      .expect(403);
    // A driver lists only the deliveries assigned to them.
    const mine = await service
      .http()
      .get('/deliveries')
      .set('Authorization', driver('driver-2'))
      .expect(200);
    expect(mine.body.map((d: { id: string }) => d.id)).not.toContain(id);

    // R-DEL-2: a changed order before pickup moves the deadline and the lines.
    const later = at(REQUESTED_TIME, 2 * HOUR_MS).toISOString();
    const changed = anOrderChange(order, {
      revision: 2,
      requestedTime: later,
      lines: [order.lines[0]],
    });
    await probe.publish('orders.order.changed', order.orderId, changed, CONFIRMED_AT);
    await eventually(async () =>
      expect(await deliveryOf(order.orderId)).toMatchObject({
        deadline: later,
        lines: [{ lineId: 'line-1' }],
      }),
    );

    await probe.publish(
      'orders.order.cancelled',
      order.orderId,
      { orderId: order.orderId, canteenId: 'canteen-1', cancelledAt: CONFIRMED_AT.toISOString() },
      CONFIRMED_AT,
    );
    await eventually(async () =>
      expect((await deliveryOf(order.orderId)).status).toBe('cancelled'),
    );
    clock.set(at(REQUESTED_TIME, 3 * HOUR_MS));
    await sweep();
    const events = await deliveryEvents(id);
    expect(events.map((e) => [e.type, e.data.deadline])).toEqual([
      ['delivery.delivery.scheduled', REQUESTED_TIME.toISOString()],
      ['delivery.delivery.scheduled', later],
    ]);
  });

  it('R-DEL-5: a failing webhook is retried with backoff and never blocks delivery work', async () => {
    clock.set(CONFIRMED_AT);
    const order = anOrderConfirmed();
    await probe.publish('orders.order.confirmed', order.orderId, order, CONFIRMED_AT);
    const { id } = await deliveryOf(order.orderId);
    receiver.failing.add('/canteen');
    clock.set(at(REQUESTED_TIME, -2 * HOUR_MS + MINUTE_MS));
    expect(await sweep()).toBe(1);
    const listed = async () => {
      const res = await service
        .http()
        .get('/notifications')
        .query({ deliveryId: id })
        .set('Authorization', dispatcher());
      return res.body as {
        recipient: string;
        status: string;
        attempts: number;
        lastError?: string;
      }[];
    };
    await eventually(async () => expect(await listed()).toHaveLength(2));

    const sender = service.app.get(WebhookSenderService);
    expect(await sender.sendDue()).toBe(1);
    expect((await listed()).find((n) => n.recipient === 'canteen')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 500',
    });
    // Delivery work goes on while the canteen's receiver is down.
    await service
      .http()
      .post(`/deliveries/${id}/assignment`)
      .set('Authorization', dispatcher())
      .send({ driverId: 'driver-2' })
      .expect(200);

    receiver.failing.delete('/canteen');
    expect(await sender.sendDue()).toBe(0); // not due before its backoff
    clock.advance(31_000);
    expect(await sender.sendDue()).toBe(1);
    expect((await listed()).map((n) => n.status)).toEqual(['sent', 'sent']);
    expect(
      receiver.received
        .filter((r) => r.body.deliveryId === id)
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/canteen', '/pm']);
  });

  it('R-DEL-5: the live SLA list holds every delivery with a check ahead, none that finished, none earlier than due', async () => {
    const deliveries = await service.connection.collection('deliveries').find({}).toArray();
    const timers = new Map(
      (await service.connection.collection('sla_timers').find({}).toArray()).map((t) => [
        String(t._id),
        t.dueAt as Date,
      ]),
    );
    expect(deliveries.length).toBeGreaterThan(3);
    for (const d of deliveries) {
      const ahead = [d.atRiskDueAt, d.breachDueAt].filter(Boolean) as Date[];
      const open = ['scheduled', 'assigned', 'picked-up', 'arrived'].includes(d.status as string);
      if (!open) expect(timers.has(String(d._id))).toBe(false);
      if (open && ahead.length) {
        const next = Math.min(...ahead.map((a) => a.getTime()));
        expect(timers.get(String(d._id))?.getTime()).toBeLessThanOrEqual(next);
      }
    }
  });

  it('R-DEL-1: a confirmation delivered twice under one id schedules one delivery, announced once', async () => {
    clock.set(CONFIRMED_AT);
    const order = anOrderConfirmed({ orderId: 'order-redelivered' });
    await probe.publishTwice('orders.order.confirmed', order.orderId, order, CONFIRMED_AT);
    await service.caughtUp();
    const { id } = await deliveryOf(order.orderId);
    const scheduled = (await deliveryEvents(id)).filter(
      (e) => e.type === 'delivery.delivery.scheduled',
    );
    expect(scheduled).toHaveLength(1);
  });
});
