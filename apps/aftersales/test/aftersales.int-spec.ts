/**
 * The aftersales "done when" flows over the real broker and database: a rejected line becomes
 * an exchange whose replacement order is linked back; a complaint runs its loop with timers
 * under a moved clock; a repeated problem doubles its fine; every delivery gets follow-ups.
 */
import { HOUR_MS, MINUTE_MS, type ExchangeApproved } from '@app/common';
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

const T0 = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 Asia/Shanghai

describe('aftersales (real Kafka + MongoDB-wire)', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  let svc: TestService;
  const runTimers = () => svc.app.get(AftersalesTimersService).runNow();
  const agent = () => authAs(svc, 'aftersales', { sub: 'agent-1' });
  const lead = () => authAs(svc, 'aftersales-lead', { sub: 'lead-1' });

  beforeAll(async () => {
    svc = await startTestService(AftersalesAppModule, { service: 'aftersales', namespace });
    svc.clock.set(T0);
    await seedCanteenCopies(svc, ['canteenId-1', 'canteen-9']);
    for (const [id, department, departmentLead] of [
      ['chef-lead', 'kitchen', true],
      ['lead-1', 'aftersales', true],
      ['cook-7', 'kitchen', false],
    ] as const) {
      await svc
        .http()
        .put(`/staff/${id}`)
        .set(lead())
        .send({ name: id, department, departmentLead })
        .expect(200);
    }
  });

  afterAll(async () => {
    await svc?.close({ drop: true });
  });

  it('R-DEL-4 / R-AS-6: a rejected dish becomes an exchange whose replacement order is linked back', async () => {
    const delivery = aCompletedDelivery({
      deliveryId: 'del-rej',
      lines: [
        aDeliveredLine(),
        aDeliveredLine({
          lineId: 'line-2',
          acceptedQuantity: 15,
          rejectedQuantity: 5,
          rejectionReason: 'spoiled',
        }),
      ],
    });
    await probe.publish('delivery.delivery.completed', delivery.deliveryId, delivery, PUBLISHED_AT);

    const remedy = await eventually(async () => {
      const res = await svc.http().get('/remedies/del-rej:line-2').set(agent()).expect(200);
      return res.body;
    });
    expect(remedy).toMatchObject({
      type: 'exchange',
      status: 'open',
      atCompanyCost: true,
      lines: [{ lineId: 'line-2', quantity: 5 }],
    });
    expect(remedy.needBy).toBe('2026-03-02T04:30:00.000Z'); // delivered + 2 h for cooked food

    // The canteen names when it needs the replacement; another canteen cannot even see it.
    await svc
      .http()
      .post('/remedies/del-rej:line-2/choice')
      .set(authAs(svc, 'canteen', { canteenId: 'other' }))
      .send({ remedy: 'exchange' })
      .expect(404);
    await svc
      .http()
      .post('/remedies/del-rej:line-2/choice')
      .set(authAs(svc, 'canteen', { canteenId: 'canteenId-1' }))
      .send({ remedy: 'exchange', needBy: '2026-03-02T04:00:00.000Z' })
      .expect(200);
    await svc
      .http()
      .post('/remedies/del-rej:line-2/approval')
      .set(authAs(svc, 'canteen', { canteenId: 'canteenId-1' }))
      .expect(403);
    await svc.http().post('/remedies/del-rej:line-2/approval').set(agent()).expect(200);

    const approved = await eventually(async () => {
      const events = await probe.events<ExchangeApproved>('aftersales.exchange.events');
      const found = events.find((e) => e.subject === 'del-rej:line-2');
      expect(found).toBeDefined();
      return found!;
    });
    expect(approved.type).toBe('aftersales.exchange.approved');
    expect(approved.data).toEqual({
      exchangeId: 'del-rej:line-2',
      canteenId: 'canteenId-1',
      originalOrderId: 'order-1',
      needBy: '2026-03-02T04:00:00.000Z',
      lines: [{ lineId: 'line-2', quantity: 5 }],
    });

    // Orders places the urgent free replacement (simulated here; the cross-service flow lives in /test).
    await probe.publish(
      'orders.order.placed',
      'order-repl',
      {
        orderId: 'order-repl',
        canteenId: 'canteenId-1',
        placedAt: '2026-03-02T02:35:00.000Z',
        needBy: '2026-03-02T04:00:00.000Z',
        urgent: true,
        replacementForExchangeId: 'del-rej:line-2',
        lines: [],
        ingredientDemand: [],
        revision: 1,
      },
      PUBLISHED_AT,
    );
    await eventually(async () => {
      const res = await svc.http().get('/remedies/del-rej:line-2').set(agent()).expect(200);
      expect(res.body).toMatchObject({
        status: 'replacement-ordered',
        replacementOrderId: 'order-repl',
      });
    });
  });

  it('R-AS-13 / R-AS-14: every delivered delivery gets a next-day call and a first follow-up, once', async () => {
    const delivery = aCompletedDelivery({
      deliveryId: 'del-ok',
      deliveredAt: '2026-03-02T15:30:00.000Z',
    }); // 23:30 Shanghai
    await probe.publish('delivery.delivery.completed', delivery.deliveryId, delivery, PUBLISHED_AT);
    await probe.publish('delivery.delivery.completed', delivery.deliveryId, delivery, PUBLISHED_AT); // redelivered under a new id

    const followUps = await eventually(async () => {
      const res = await svc.http().get('/follow-ups?triggerId=del-ok').set(agent()).expect(200);
      expect(res.body).toHaveLength(2);
      return res.body as { id: string; kind: string; window: { from: string; to: string } }[];
    });
    expect(followUps.map((f) => [f.kind, f.window])).toEqual([
      ['satisfaction-call', { from: '2026-03-03', to: '2026-03-03' }],
      ['first-follow-up', { from: '2026-03-05', to: '2026-03-09' }],
    ]);
    // No return or exchange for a delivery without rejected lines.
    const remedies = await svc.http().get('/remedies').set(agent()).expect(200);
    expect(remedies.body.filter((r: { id: string }) => r.id.startsWith('del-ok'))).toEqual([]);
  });

  it('R-AS-2 / R-AS-4: a complaint runs its whole loop; missed times escalate once under a moved clock', async () => {
    svc.clock.set(T0);
    const canteen = authAs(svc, 'canteen', { canteenId: 'canteenId-1' });
    const created = await svc
      .http()
      .post('/complaints')
      .set(canteen)
      .send({
        channel: 'call',
        category: 'quality',
        cause: 'food-quality',
        subject: { orderId: 'order-1' },
        description: '红烧肉有酸味',
      })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      canteenId: 'canteenId-1',
      channel: 'app',
      status: 'recorded',
    });
    await svc
      .http()
      .get(`/complaints/${id}`)
      .set(authAs(svc, 'canteen', { canteenId: 'other' }))
      .expect(404);

    svc.clock.advance(31 * MINUTE_MS);
    // Two instances sweeping at once: the claim lets one escalation through.
    await Promise.all([runTimers(), runTimers()]);
    await runTimers();
    let c = (await svc.http().get(`/complaints/${id}`).set(agent()).expect(200)).body;
    expect(c.steps.filter((s: { step: string }) => s.step === 'escalated')).toHaveLength(1);
    expect(c.timers['first-contact'].escalatedAt).toBe(
      new Date(T0.getTime() + 31 * MINUTE_MS).toISOString(),
    );

    const escalated = (await svc.http().get('/complaints?escalated=true').set(lead()).expect(200))
      .body;
    expect(escalated.map((x: { id: string }) => x.id)).toContain(id);

    // R-AS-18: the breach is on today's due list.
    const due = (await svc.http().get('/due-list').set(agent()).expect(200)).body;
    expect(due.complaints.find((x: { id: string }) => x.id === id)?.breached).toEqual([
      'first-contact',
    ]);

    const step = (path: string, body: object, who = agent()) =>
      svc.http().post(`/complaints/${id}/${path}`).set(who).send(body);
    await step('contact', { note: 'called the canteen manager' }).expect(200);
    await step('assessment', { valid: true }).expect(200);
    const assigned = (
      await step('assignment', { handlingPlan: 'replace, check the batch' }).expect(200)
    ).body;
    expect(assigned.routing).toEqual({ department: 'kitchen', responsibleStaffId: 'chef-lead' }); // R-AS-3
    await step('resolution', { resolution: 'x' }).expect(409); // out of order, changes nothing
    await step('investigation', {
      department: 'kitchen',
      staffId: 'cook-7',
      finding: 'held too long',
    }).expect(200);
    await step('supervisor-check', { note: 'plan ok' }, lead()).expect(200);
    await step('resolution', { resolution: 'replacement and retraining' }).expect(200);
    await step('approval', {}).expect(200);
    await step('customer-notification', { message: 'replacement sent' }).expect(200);
    c = (await step('customer-answer', { satisfied: true }, canteen).expect(200)).body;
    expect(c.status).toBe('closed');
    // The canteen sees its answer and what it was told, not the internal investigation.
    expect(c.responsible).toBeUndefined();
    expect(c.steps.map((s: { step: string }) => s.step)).toEqual([
      'recorded',
      'customer-notified',
      'customer-satisfied',
    ]);
    c = (await svc.http().get(`/complaints/${id}`).set(agent()).expect(200)).body;
    expect(c.steps.map((s: { step: string }) => s.step)).toEqual([
      'recorded',
      'escalated',
      'first-contact',
      'assessed-valid',
      'assigned',
      'investigated',
      'supervisor-checked',
      'resolution-proposed',
      'approved',
      'customer-notified',
      'customer-satisfied',
    ]);

    // R-AS-14: the closing gets its own follow-ups at the next sweep.
    await runTimers();
    const followUps = (await svc.http().get(`/follow-ups?triggerId=${id}`).set(agent()).expect(200))
      .body;
    expect(followUps.map((f: { kind: string }) => f.kind).sort()).toEqual([
      'first-follow-up',
      'satisfaction-call',
    ]);
  });

  it('R-AS-9 / R-AS-12: the same problem again within 30 days doubles the fine; approved fines make the monthly total', async () => {
    const penaltyFor = async (at: Date) => {
      svc.clock.set(at);
      const { body } = await svc
        .http()
        .post('/complaints')
        .set(agent())
        .send({
          canteenId: 'canteen-9',
          channel: 'call',
          category: 'service',
          cause: 'staff-attitude',
          subject: { staffId: 'cook-7' },
          description: 'rude',
        })
        .expect(201);
      for (const [path, payload] of [
        ['assessment', { valid: true }],
        ['assignment', { handlingPlan: 'talk to cook' }],
        [
          'investigation',
          { department: 'kitchen', staffId: 'cook-7', finding: 'shouted at the receiver' },
        ],
      ] as const) {
        await svc
          .http()
          .post(`/complaints/${body.id}/${path}`)
          .set(agent())
          .send(payload)
          .expect(200);
      }
      const res = await svc
        .http()
        .post(`/complaints/${body.id}/penalties`)
        .set(agent())
        .send({ severity: 'moderate', badImpact: false })
        .expect(201);
      return res.body;
    };
    const first = await penaltyFor(new Date('2026-03-03T02:00:00Z'));
    expect(first).toMatchObject({
      staffId: 'cook-7',
      amount: '30.00',
      doubled: false,
      status: 'proposed',
    });
    await svc.http().post(`/penalties/${first.id}/approval`).set(agent()).send({}).expect(403);
    await svc.http().post(`/penalties/${first.id}/approval`).set(lead()).send({}).expect(200);

    const second = await penaltyFor(new Date('2026-03-20T02:00:00Z'));
    expect(second).toMatchObject({ amount: '60.00', doubled: true, repeatOfPenaltyId: first.id });
    await svc.http().post(`/penalties/${second.id}/approval`).set(lead()).send({}).expect(200);

    // One appeal; the correction is a reversing entry, never an edit.
    await svc
      .http()
      .post(`/penalties/${second.id}/appeal`)
      .set(agent())
      .send({ reason: 'first offence this month' })
      .expect(200);
    const decided = await svc
      .http()
      .post(`/penalties/${second.id}/appeal-decision`)
      .set(lead())
      .send({ outcome: 'granted', correctedAmount: '30.00', note: 'not doubled' })
      .expect(200);
    expect(decided.body.entries.map((e: { amount: string }) => e.amount)).toEqual([
      '60.00',
      '-60.00',
      '30.00',
    ]);
    await svc
      .http()
      .post(`/penalties/${second.id}/appeal`)
      .set(agent())
      .send({ reason: 'again' })
      .expect(409);

    const totals = await svc
      .http()
      .get('/penalties/monthly-totals?month=2026-03')
      .set(lead())
      .expect(200);
    expect(totals.body).toContainEqual({
      staffId: 'cook-7',
      month: '2026-03',
      total: '60.00',
      fines: 2,
    });
  });

  it('R-AS-11 / R-DEL-7: leaving a canteen early proposes a fixed 20 元 fine for the driver, once', async () => {
    const early = {
      deliveryId: 'del-early',
      orderId: 'o',
      canteenId: 'canteenId-1',
      deadline: T0.toISOString(),
      driverId: 'driver-3',
      departedAt: '2026-03-02T03:00:00.000Z',
      serviceEndsAt: '2026-03-02T04:00:00.000Z',
    };
    await probe.publish('delivery.delivery.early-departure', 'del-early', early, PUBLISHED_AT);
    await probe.publish('delivery.delivery.early-departure', 'del-early', early, PUBLISHED_AT);
    const penalty = await eventually(
      async () =>
        (await svc.http().get('/penalties/early-del-early-driver-3').set(lead()).expect(200)).body,
    );
    expect(penalty).toMatchObject({
      staffId: 'driver-3',
      fixedFine: 'early-departure',
      amount: '20.00',
      status: 'proposed',
    });
    // The driver sees and may appeal only their own fines.
    const driver = authAs(svc, 'driver', { driverId: 'driver-3' });
    expect(
      (await svc.http().get('/penalties').set(driver).expect(200)).body.every(
        (p: { staffId: string }) => p.staffId === 'driver-3',
      ),
    ).toBe(true);
    await svc
      .http()
      .get('/penalties/early-del-early-driver-3')
      .set(authAs(svc, 'driver', { driverId: 'driver-4' }))
      .expect(404);
    await svc
      .http()
      .post('/penalties/early-del-early-driver-3/approval')
      .set(lead())
      .send({})
      .expect(200);
    const appealed = await svc
      .http()
      .post('/penalties/early-del-early-driver-3/appeal')
      .set(driver)
      .send({ reason: 'canteen sent me away' })
      .expect(200);
    expect(appealed.body.appeal).toMatchObject({ filedBy: 'driver-3' });
    const all = (await svc.http().get('/penalties?staffId=driver-3').set(lead()).expect(200)).body;
    expect(
      all.filter((p: { fixedFine?: string }) => p.fixedFine === 'early-departure'),
    ).toHaveLength(1);
  });

  it('R-AS-11 / R-DEL-6: a breach proposes a fine for the driver that a later force-majeure waiver withdraws', async () => {
    const breach = {
      deliveryId: 'del-late',
      orderId: 'o',
      canteenId: 'canteenId-1',
      deadline: T0.toISOString(),
      driverId: 'driver-3',
      detectedAt: T0.toISOString(),
    };
    await probe.publish('delivery.delivery.breached', 'del-late', breach, PUBLISHED_AT);
    const proposed = await eventually(
      async () => (await svc.http().get('/penalties/breach-del-late').set(lead()).expect(200)).body,
    );
    expect(proposed).toMatchObject({
      staffId: 'driver-3',
      amount: '30.00',
      status: 'proposed',
      holdUntil: '2026-03-05T02:00:00.000Z',
    });

    const ref = {
      deliveryId: breach.deliveryId,
      orderId: breach.orderId,
      canteenId: breach.canteenId,
      deadline: breach.deadline,
    };
    await probe.publish(
      'delivery.delivery.breach-waived',
      'del-late',
      {
        ...ref,
        cause: 'flood',
        proofRef: 'photo-1',
        newDeadline: '2026-03-03T02:00:00.000Z',
      },
      PUBLISHED_AT,
    );
    await eventually(async () => {
      expect(
        (await svc.http().get('/penalties/breach-del-late').set(lead()).expect(200)).body.status,
      ).toBe('withdrawn');
    });
  });

  it('R-AS-15 / R-AS-16: a low survey opens a complaint; an open point not reported in 2 days goes up by itself', async () => {
    svc.clock.set('2026-03-05T02:00:00Z');
    const id = 'delivery-del-ok-first-follow-up';
    const done = await svc
      .http()
      .post(`/follow-ups/${id}/completion`)
      .set(agent())
      .send({
        notes: 'visited',
        survey: {
          attitude: 'dissatisfied',
          skill: 'satisfied',
          'arrival-time': 'very-satisfied',
          'keeping-promises': 'satisfied',
        },
        openPoints: ['wants Sunday deliveries'],
      })
      .expect(200);
    expect(done.body.score).toMatchObject({ total: 12, lowItems: ['attitude'] });
    const complaint = (await svc.http().get(`/complaints/survey-${id}`).set(agent()).expect(200))
      .body;
    expect(complaint).toMatchObject({
      channel: 'survey',
      category: 'service',
      cause: 'staff-attitude',
      status: 'recorded',
    });
    // R-AS-14: the second follow-up falls 8–14 days after the first.
    const second = (
      await svc.http().get('/follow-ups/delivery-del-ok-second-follow-up').set(agent()).expect(200)
    ).body;
    expect(second.window).toEqual({ from: '2026-03-13', to: '2026-03-19' });

    svc.clock.advance(2 * 24 * HOUR_MS + MINUTE_MS);
    await runTimers();
    const after = (await svc.http().get(`/follow-ups/${id}`).set(agent()).expect(200)).body;
    expect(after.openPoints.p1).toMatchObject({ reportedLate: true });
    const fine = (await svc.http().get(`/penalties/hidden-${id}-p1`).set(lead()).expect(200)).body;
    expect(fine).toMatchObject({
      staffId: 'agent-1',
      amount: '20.00',
      fixedFine: 'hid-unresolved-complaint',
    });
  });

  it('R-AS-18: a follow-up that fell due while nobody swept still appears, as overdue', async () => {
    svc.clock.set('2026-03-12T02:00:00Z');
    const due = (await svc.http().get('/due-list').set(agent()).expect(200)).body;
    expect(due.date).toBe('2026-03-12');
    const call = due.followUps.find(
      (f: { id: string }) => f.id === 'delivery-del-ok-satisfaction-call',
    );
    expect(call).toMatchObject({ state: 'overdue' });
  });
});
