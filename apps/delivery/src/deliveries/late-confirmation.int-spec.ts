import 'reflect-metadata';
import { HOUR_MS, ManualClock, MINUTE_MS } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { DeliveryAppModule } from '../app.module';
import { CONFIRMED_AT, REQUESTED_TIME, at } from '../testing/delivery-factories';
import { aCanteenSnapshot, anOrderConfirmed } from '../testing/delivery-int-helpers';

describe("a driver's confirmation sent late, against the real broker and database", () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  const clock = new ManualClock(CONFIRMED_AT);
  let service: TestService;

  const dispatcher = () => service.auth('dispatcher');
  const driver = () => service.auth('driver', { driverId: 'driver-1' });
  const lines = [
    {
      lineId: 'line-1',
      acceptedQuantity: 9_000,
      rejectedQuantity: 1_000,
      rejectionReason: 'short',
    },
    { lineId: 'line-2', acceptedQuantity: 40, rejectedQuantity: 0 },
  ];
  const confirmation = (recordedAt: Date, signedAt = recordedAt) => ({
    lines,
    proof: {
      receiverName: 'Wang Fang',
      receivedAt: signedAt.toISOString(),
      signatureRef: 'sig-1',
    },
    recordedAt: recordedAt.toISOString(),
  });
  const post = (id: string, step: string, key?: string, body?: object) => {
    const req = service.http().post(`/deliveries/${id}/${step}`).set('Authorization', driver());
    if (key) req.set('Idempotency-Key', key);
    return body ? req.send(body) : req;
  };

  /** A delivery assigned to driver-1, picked up and arrived now; returns its id. */
  async function arrivedDelivery(): Promise<string> {
    const order = anOrderConfirmed();
    await probe.publish('orders.order.confirmed', order.orderId, order, CONFIRMED_AT);
    const id = await eventually(async () => {
      const res = await service
        .http()
        .get('/deliveries')
        .query({ orderId: order.orderId })
        .set('Authorization', dispatcher());
      expect(res.body).toHaveLength(1);
      return res.body[0].id as string;
    });
    await service
      .http()
      .post(`/deliveries/${id}/assignment`)
      .set('Authorization', dispatcher())
      .send({ driverId: 'driver-1' })
      .expect(200);
    await post(id, 'pickup', `${id}-pickup`).expect(200);
    await post(id, 'check-in', `${id}-check-in`).expect(200);
    return id;
  }

  async function eventsOf(id: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
    await service.flushOutbox();
    return (await probe.events('delivery.delivery.events')).filter((e) => e.subject === id);
  }

  beforeAll(async () => {
    service = await startTestService(DeliveryAppModule, {
      service: 'delivery',
      namespace,
      clock,
      database: `test_delivery_late_${namespace}`,
    });
    await probe.publish('orders.canteen.registered', 'canteen-1', aCanteenSnapshot(), CONFIRMED_AT);
    await eventually(async () => {
      expect(await service.connection.collection('canteen_copies').countDocuments()).toBe(1);
    });
    await service
      .http()
      .post('/drivers')
      .set('Authorization', dispatcher())
      .send({ driverId: 'driver-1', name: 'Driver 1', phone: '13900000000', vehicle: 'van' })
      .expect(201);
  });

  afterAll(async () => {
    await service?.close({ drop: true });
  });

  it('R-DEL-3, R-DEL-5: a confirmation recorded offline before the deadline and sent after it is on time at the recorded time, flagged sentLate, and confirmed once however often it is resent', async () => {
    clock.set(at(CONFIRMED_AT, 30 * MINUTE_MS));
    const id = await arrivedDelivery();
    // A resent arrival with its key answers and changes nothing.
    const arrivedAt = clock.now().toISOString();
    clock.advance(5 * MINUTE_MS);
    const again = await post(id, 'check-in', `${id}-check-in`).expect(200);
    expect(again.body.arrivedAt).toBe(arrivedAt);

    const recordedAt = at(CONFIRMED_AT, 40 * MINUTE_MS);
    // The phone comes back online half an hour after the deadline.
    clock.set(at(REQUESTED_TIME, 30 * MINUTE_MS));
    const receivedAt = clock.now().toISOString();
    const key = `${id}-delivered`;
    const first = await post(id, 'delivered', key, confirmation(recordedAt));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'delivered',
      deliveredAt: recordedAt.toISOString(),
      sentLate: true,
      confirmationReceivedAt: receivedAt,
    });
    expect(first.body.commandKeys).toBeUndefined();

    // The phone did not see the answer and sends again, twice at once: answered, not applied.
    clock.advance(MINUTE_MS);
    const resends = await Promise.all([
      post(id, 'delivered', key, confirmation(recordedAt)),
      post(id, 'delivered', key, confirmation(recordedAt)),
    ]);
    for (const resend of resends) {
      expect(resend.status).toBe(200);
      expect(resend.body).toMatchObject({ deliveredAt: recordedAt.toISOString(), sentLate: true });
    }
    // The same key with another count is a client bug; without a key it is a second delivery.
    const reused = await post(id, 'delivered', key, {
      ...confirmation(recordedAt),
      lines: [
        { ...lines[0], rejectedQuantity: 0, acceptedQuantity: 10_000, rejectionReason: undefined },
        lines[1],
      ],
    });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('DELIVERY.IDEMPOTENCY_KEY_REUSED');
    const unkeyed = await post(id, 'delivered', undefined, confirmation(recordedAt));
    expect(unkeyed.status).toBe(409);
    expect(unkeyed.body.code).toBe('DELIVERY.INVALID_TRANSITION');

    const events = await eventsOf(id);
    const completed = events.filter((e) => e.type === 'delivery.delivery.completed');
    expect(new Set(completed.map((e) => JSON.stringify(e.data))).size).toBe(1);
    expect(completed[0].data).toMatchObject({
      deliveredAt: recordedAt.toISOString(),
      onTime: true,
    });
    expect(events.filter((e) => e.type === 'delivery.delivery.breached')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'delivery.delivery.dispatched')).toHaveLength(1);
  });

  it('R-DEL-3: the recorded time is bounded — not in the future, not more than 24 h ago, not before arrival (beyond clock skew); refused changes nothing; sent at once it is not late', async () => {
    clock.set(at(CONFIRMED_AT, 2 * HOUR_MS));
    const id = await arrivedDelivery();
    const arrivedAt = new Date(clock.now().getTime());
    const refused = async (recordedAt: Date, reason: string) => {
      // Signed at arrival: only the recorded time is wrong.
      const res = await post(id, 'delivered', undefined, confirmation(recordedAt, arrivedAt));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'DELIVERY.RECORDED_AT_INVALID',
        fields: [{ field: 'recordedAt', reason }],
      });
    };
    clock.advance(10 * MINUTE_MS);
    await refused(at(clock.now(), 10 * MINUTE_MS), 'lies in the future');
    // more than the 5 min of clock skew allowed between the phone and the service
    await refused(at(arrivedAt, -6 * MINUTE_MS), 'lies before the arrival at the canteen');
    clock.set(at(arrivedAt, 25 * HOUR_MS));
    await refused(at(arrivedAt, MINUTE_MS), 'is more than 24 h ago');
    const unchanged = await service
      .http()
      .get(`/deliveries/${id}`)
      .set('Authorization', dispatcher())
      .expect(200);
    expect(unchanged.body.status).toBe('arrived');

    // Within 24 h and 5 min of now: the recorded time, not late.
    const recordedAt = at(clock.now(), -4 * MINUTE_MS);
    const ok = await post(id, 'delivered', `${id}-d`, confirmation(recordedAt)).expect(200);
    expect(ok.body.deliveredAt).toBe(recordedAt.toISOString());
    expect(ok.body.sentLate).toBeUndefined();
  });

  it('R-DEL-7, R-DEL-3: a check-out tapped before the service end and sent after it is an early departure, once, at the tapped time', async () => {
    clock.set(at(CONFIRMED_AT, 2 * HOUR_MS));
    const id = await arrivedDelivery();
    const arrived = await service
      .http()
      .get(`/deliveries/${id}`)
      .set('Authorization', dispatcher())
      .expect(200);
    const serviceEndsAt = new Date(arrived.body.serviceEndsAt as string);
    clock.advance(10 * MINUTE_MS);
    await post(id, 'delivered', `${id}-d`, confirmation(clock.now())).expect(200);
    const leftAt = at(clock.now(), 5 * MINUTE_MS);
    expect(leftAt.getTime()).toBeLessThan(serviceEndsAt.getTime());
    // The phone comes back online after the service end.
    clock.set(at(serviceEndsAt, 30 * MINUTE_MS));
    const body = { recordedAt: leftAt.toISOString() };
    const departed = await post(id, 'check-out', `${id}-out`, body).expect(200);
    expect(departed.body).toMatchObject({
      status: 'departed',
      departedAt: leftAt.toISOString(),
      leftEarly: true,
    });
    await post(id, 'check-out', `${id}-out`, body).expect(200);
    const early = (await eventsOf(id)).filter(
      (e) => e.type === 'delivery.delivery.early-departure',
    );
    expect(early).toHaveLength(1);
    expect(early[0].data).toMatchObject({ departedAt: leftAt.toISOString() });
  });
});
