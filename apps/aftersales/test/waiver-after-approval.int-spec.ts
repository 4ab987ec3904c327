/**
 * R-DEL-6 × R-AS-12 over the real broker: a force-majeure waiver that arrives after the breach
 * fine was approved reverses it by itself — a reversing entry with the waiver as its reason, the
 * charge left untouched, the staff member's monthly total back to what it was.
 */
import { DAY_MS, HOUR_MS } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { AftersalesAppModule } from '../src/app.module';
import { authAs, PUBLISHED_AT } from './aftersales-factories';

const T0 = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 Asia/Shanghai

describe('a waiver after an approved fine (real Kafka + MongoDB-wire)', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  let svc: TestService;
  const lead = () => authAs(svc, 'aftersales-lead', { sub: 'lead-1' });
  const penalty = async () =>
    (await svc.http().get('/penalties/breach-del-fm').set(lead()).expect(200)).body;
  const totalOf = async (staffId: string) => {
    const res = await svc
      .http()
      .get('/penalties/monthly-totals?month=2026-03')
      .set(lead())
      .expect(200);
    return res.body.find((t: { staffId: string }) => t.staffId === staffId);
  };

  beforeAll(async () => {
    svc = await startTestService(AftersalesAppModule, { service: 'aftersales', namespace });
    svc.clock.set(T0);
  });

  afterAll(async () => {
    await svc?.close({ drop: true });
  });

  it('R-AS-12 / R-DEL-6: a waiver after approval posts a reversing entry with the waiver as reason; the monthly total reflects it', async () => {
    const ref = {
      deliveryId: 'del-fm',
      orderId: 'order-fm',
      canteenId: 'canteen-1',
      deadline: T0.toISOString(),
    };
    await probe.publish(
      'delivery.delivery.breached',
      'del-fm',
      { ...ref, driverId: 'driver-9', detectedAt: T0.toISOString() },
      PUBLISHED_AT,
    );
    await eventually(async () => expect((await penalty()).status).toBe('proposed'));

    svc.clock.set(new Date(T0.getTime() + 3 * DAY_MS + HOUR_MS)); // past the waiver hold
    await svc.http().post('/penalties/breach-del-fm/approval').set(lead()).send({}).expect(200);
    expect(await totalOf('driver-9')).toMatchObject({ total: '30.00', fines: 1 });

    await probe.publish(
      'delivery.delivery.breach-waived',
      'del-fm',
      {
        ...ref,
        cause: 'flood',
        proofRef: 'fm-proof-1.jpg',
        newDeadline: '2026-03-06T02:00:00.000Z',
      },
      PUBLISHED_AT,
    );
    const waived = await eventually(async () => {
      const p = await penalty();
      expect(p.status).toBe('withdrawn');
      return p;
    });
    expect(waived.amountInForce).toBe('0.00');
    expect(waived.entries).toEqual([
      expect.objectContaining({
        kind: 'charge',
        amount: '30.00',
        month: '2026-03',
        postedBy: 'lead-1',
      }),
      expect.objectContaining({
        kind: 'reversal',
        amount: '-30.00',
        month: '2026-03',
        postedBy: 'system:events',
        reason:
          'breach waived (force majeure): flood, proof fm-proof-1.jpg, new time 2026-03-06T02:00:00.000Z',
      }),
    ]);
    expect(await totalOf('driver-9')).toMatchObject({ total: '0.00', fines: 0 });

    // Redelivered under a new event id: applied again, yet nothing is reversed twice.
    const again = await probe.publish(
      'delivery.delivery.breach-waived',
      'del-fm',
      {
        ...ref,
        cause: 'flood',
        proofRef: 'fm-proof-1.jpg',
        newDeadline: '2026-03-06T02:00:00.000Z',
      },
      PUBLISHED_AT,
    );
    await eventually(async () =>
      expect(
        await svc.connection
          .collection('processed_events')
          .countDocuments({ _id: { $regex: `${again}$` } as never }),
      ).toBeGreaterThan(0),
    );
    expect((await penalty()).entries).toHaveLength(2);
  });
});
