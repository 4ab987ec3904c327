/**
 * Issue 10, finding 2: a transient failure (the database away, a lease still held) is retried
 * until it succeeds and never dead-lettered; poison goes to `<topic>.dlt` at once, and a
 * dead-lettered message is replayed once its cause is fixed. Finding 4: readiness says which
 * part is broken, `/metrics` shows lag and backlog. The database outage uses its own embedded
 * server (own port, own run dir), never the shared one.
 */
import { Injectable, Module } from '@nestjs/common';
import { getModelToken, MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { DomainError } from '../errors/domain-error';
import { PlatformModule } from '../platform/platform.module';
import { eventually, KafkaProbe, newNamespace, startTestService, TestService } from '../testing';
import { OrderCancelled } from './contracts/orders.events';
import { replayDeadLetters } from './dlt-replay';
import { EventConsumer } from './event-consumer';
import { KafkaService } from './kafka.service';
import { newEvent } from './envelope';
import { OnEvent } from './on-event.decorator';
import { newWithEvents, OUTBOX_SCHEMA_PATHS, OutboxFields } from './outbox';

/** What the handler does next for an order id: fail with these errors first, then apply. */
const script = new Map<string, Error[]>();
const attempts = new Map<string, number>();
const applied: string[] = [];
/** How long the handler takes for an order id (real work standing in for a slow handler). */
const slow = new Map<string, number>();

@Injectable()
class CancellationProbe {
  @OnEvent('orders.order.cancelled')
  async onCancelled(event: OrderCancelled): Promise<void> {
    attempts.set(event.orderId, (attempts.get(event.orderId) ?? 0) + 1);
    const next = script.get(event.orderId)?.shift();
    if (next) throw next;
    await new Promise((r) => setTimeout(r, slow.get(event.orderId) ?? 0));
    applied.push(event.orderId);
  }
}

/** An aggregate with an outbox, so the relay has something to keep up with. */
@Schema({ collection: 'probe_notes', minimize: false })
class ProbeNote {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop(OUTBOX_SCHEMA_PATHS.outbox) outbox?: OutboxFields['outbox'];
  @Prop(OUTBOX_SCHEMA_PATHS.outboxAt) outboxAt?: Date | null;
  @Prop(OUTBOX_SCHEMA_PATHS.outboxSeq) outboxSeq?: number;
}

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'consumer-probe', outboxModels: [ProbeNote.name] }),
    MongooseModule.forFeature([
      { name: ProbeNote.name, schema: SchemaFactory.createForClass(ProbeNote) },
    ]),
  ],
  providers: [CancellationProbe],
})
class ProbeModule {}

const namespace = newNamespace();
const probe = new KafkaProbe(namespace);
const kafka = new Kafka({
  clientId: 'dlt-test',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.NOTHING,
});
const TOPIC = 'orders.order.events';
const cancel = (orderId: string) =>
  probe.publish(
    'orders.order.cancelled',
    orderId,
    { orderId, canteenId: 'c1', cancelledAt: '2026-12-01T08:00:00.000Z' },
    new Date('2026-12-01T08:00:00Z'),
  );
const deadLettered = async () =>
  (await probe.readAll(`${TOPIC}.dlt`))
    .filter((m) => m.value)
    .map((m) => (JSON.parse(m.value!.toString()) as { subject: string }).subject);

// Its own embedded MongoDB-wire server, so stopping it breaks nobody else's tests.
const infra = resolve(__dirname, '../../../../scripts/infra/mongo.sh');
const runDir = mkdtempSync(join(tmpdir(), 'ck-consumer-'));
const port = String(29_000 + Math.floor(Math.random() * 1_000));
const mongo = (command: 'start' | 'stop') =>
  execFileSync('bash', [infra, command], {
    env: { ...process.env, CENTRAL_KITCHEN_RUN: runDir, MONGO_PORT: port },
    stdio: ['ignore', 'ignore', 'pipe'],
  });

let service: TestService;

beforeAll(async () => {
  mongo('start');
  service = await startTestService(ProbeModule, {
    service: 'consumer-probe',
    namespace,
    config: { MONGO_URL: `mongodb://127.0.0.1:${port}`, READY_MAX_LAG_MS: 1_500 },
  });
}, 120_000);

afterAll(async () => {
  await service?.close();
  mongo('stop');
  rmSync(runDir, { recursive: true, force: true });
});

describe('a transient failure is retried until it succeeds, never dead-lettered', () => {
  it('the database stopped for longer than every old retry budget: the event is applied once it is back', async () => {
    mongo('stop');
    await cancel('o-db-blip');
    await eventually(() =>
      expect(service.app.get(EventConsumer).status().retrying).toHaveLength(1),
    );
    await new Promise((r) => setTimeout(r, 4_000)); // the outage outlasts 3 quick attempts
    mongo('start');
    await eventually(() => expect(applied).toContain('o-db-blip'), 60_000);
    expect(applied.filter((id) => id === 'o-db-blip')).toHaveLength(1);
    expect(await deadLettered()).not.toContain('o-db-blip');
  }, 120_000);

  it('a lease still held (a conflict) is retried past CONSUMER_MAX_ATTEMPTS, then applied once', async () => {
    const busy = () => new DomainError('RESERVATION.BUSY', 'being changed; retry', 'conflict');
    script.set('o-busy', [busy(), busy(), busy(), busy(), busy()]);
    await cancel('o-busy');
    await eventually(() => expect(applied).toContain('o-busy'), 30_000);
    expect(attempts.get('o-busy')).toBe(6);
    expect(await deadLettered()).not.toContain('o-busy');
  }, 60_000);
});

describe('poison is dead-lettered at once and replayed once its cause is fixed', () => {
  it('a refusal for good goes to the dead-letter topic after one attempt; the replay applies it once', async () => {
    script.set('o-refused', [
      new DomainError('ORDER.UNKNOWN', 'no such order yet', 'unprocessable'),
    ]);
    await cancel('o-refused');
    await eventually(async () => expect(await deadLettered()).toContain('o-refused'));
    expect(attempts.get('o-refused')).toBe(1);
    expect(applied).not.toContain('o-refused');

    // The cause is fixed (the script holds no more failures); put it back.
    const replayed = await replayDeadLetters(kafka, { topic: probe.topic(`${TOPIC}.dlt`) });
    expect(replayed.map((l) => l.key)).toEqual(['o-refused']);
    await eventually(() => expect(applied).toContain('o-refused'));

    // A second replay finds nothing new; forcing it again changes nothing (idempotent consumer).
    expect(await replayDeadLetters(kafka, { topic: probe.topic(`${TOPIC}.dlt`) })).toHaveLength(0);
    await replayDeadLetters(kafka, { topic: probe.topic(`${TOPIC}.dlt`), skipReplayed: false });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(applied.filter((id) => id === 'o-refused')).toHaveLength(1);
    expect(attempts.get('o-refused')).toBe(2);
  }, 60_000);

  it('a programming error gets CONSUMER_MAX_ATTEMPTS, then the dead-letter topic', async () => {
    script.set('o-bug', [
      new TypeError('x is undefined'),
      new TypeError('x is undefined'),
      new TypeError('x is undefined'),
    ]);
    await cancel('o-bug');
    await eventually(async () => expect(await deadLettered()).toContain('o-bug'), 30_000);
    expect(attempts.get('o-bug')).toBe(service.config.CONSUMER_MAX_ATTEMPTS);
  }, 60_000);
});

describe('a slow handler keeps its place in the group (finding 3)', () => {
  it('a handler running longer than the old 10 s session timeout causes no rebalance and no redelivery', async () => {
    const consumer = service.app.get(EventConsumer);
    await cancel('o-warm-up'); // the member has joined and settled
    await eventually(() => expect(applied).toContain('o-warm-up'));
    const joinsBefore = consumer.status().joins;
    slow.set('o-slow', 12_000);
    await cancel('o-slow');
    await eventually(() => expect(applied).toContain('o-slow'), 40_000);
    await cancel('o-after-slow');
    await eventually(() => expect(applied).toContain('o-after-slow'), 20_000);
    expect(consumer.status().joins).toBe(joinsBefore);
    expect(attempts.get('o-slow')).toBe(1);
  }, 90_000);
});

describe('readiness says what is broken (finding 4)', () => {
  it('200 with consumer, producer and outbox details when all work', async () => {
    await service.flushOutbox();
    const res = await service.http().get('/health/ready').expect(200);
    expect(res.body.details).toMatchObject({
      mongodb: { status: 'up' },
      kafka: { status: 'up' },
      producer: { status: 'up' },
      consumer: { status: 'up', state: 'joined' },
      outbox: { status: 'up', backlog: 0 },
    });
  });

  it('503 naming the consumer while a partition is held back by a failing handler, 200 again after', async () => {
    const busy = () => new DomainError('RESERVATION.BUSY', 'lease held', 'conflict');
    script.set('o-held', Array.from({ length: 5 }, busy)); // 200+400+800+1600+3200 ms of retries
    await cancel('o-held');
    const down = await eventually(async () => {
      const res = await service.http().get('/health/ready').expect(503);
      return res.body as { error: { consumer: { retrying: { error: string }[] } } };
    }, 20_000);
    expect(down.error.consumer.retrying[0].error).toContain('lease held');
    await eventually(() => expect(applied).toContain('o-held'), 60_000);
    await eventually(() => service.http().get('/health/ready').expect(200));
  }, 90_000);

  it('503 naming the producer when it cannot publish', async () => {
    const producer = await service.app.get(KafkaService).getProducer();
    await producer.disconnect();
    const res = await service.http().get('/health/ready').expect(503);
    expect(res.body.error).toMatchObject({ producer: { status: 'down' } });
    expect(res.body.error.consumer).toBeUndefined();
    await producer.connect();
    await service.http().get('/health/ready').expect(200);
  });

  it('503 naming the outbox while the relay cannot publish its backlog, 200 once it is published', async () => {
    const producer = await service.app.get(KafkaService).getProducer();
    await producer.disconnect();
    const event = newEvent(
      'orders.order.cancelled',
      'o-outbox',
      { orderId: 'o-outbox', canteenId: 'c1', cancelledAt: '2026-12-01T08:00:00.000Z' },
      new Date('2026-12-01T08:00:00Z'),
      { source: '/orders', correlationId: 'outbox-readiness' },
    );
    const notes = service.app.get<Model<ProbeNote>>(getModelToken(ProbeNote.name));
    await notes.create(newWithEvents({ _id: 'note-1' }, [event]));
    const down = await eventually(async () => {
      const res = await service.http().get('/health/ready').expect(503);
      expect(res.body.error.outbox).toMatchObject({ status: 'down', backlog: 1 });
      return res.body.error.outbox as { oldestAgeMs: number; message: string };
    }, 20_000);
    expect(down.oldestAgeMs).toBeGreaterThan(service.config.READY_MAX_LAG_MS);
    expect(down.message).toBe('relay is not keeping up');
    await producer.connect();
    await eventually(() => expect(applied).toContain('o-outbox'), 30_000);
    const res = await eventually(() => service.http().get('/health/ready').expect(200), 20_000);
    expect(res.body.details.outbox).toMatchObject({ status: 'up', backlog: 0 });
  }, 60_000);

  it('/metrics exposes consumer lag per topic and the outbox backlog with its age', async () => {
    const res = await service.http().get('/metrics').expect(200);
    expect(res.text).toMatch(/consumer_lag_messages\{topic="orders\.order\.events"\} \d+/);
    expect(res.text).toMatch(/outbox_backlog_aggregates \d+/);
    expect(res.text).toMatch(/outbox_backlog_age_seconds \d+/);
  });
});
