import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { InjectModel } from '@nestjs/mongoose';
import { Consumer, EachMessagePayload, IHeaders } from 'kafkajs';
import type { Model } from 'mongoose';
import { CLS_ID, ClsService } from 'nestjs-cls';
import { setTimeout as delay } from 'node:timers/promises';
import { ServiceConfig } from '../config/service-config';
import { EVENT_CATALOGUE, EventType, isKnownEventType, topicOf } from './contracts/catalogue';
import { EventEnvelope } from './envelope';
import { CAUSATION_KEY } from './event-factory';
import { DEAD_LETTER_SUFFIX, KafkaService, PARTITIONS } from './kafka.service';
import { MessagingMetrics } from './messaging.metrics';
import { ON_EVENT_KEY, STATE_GUARDED_KEY } from './on-event.decorator';
import { ProcessedEvent } from './processed-event.schema';
import { classifyFailure, PoisonMessage, transientBackoffMs } from './consumer-failure';
import { validatePayload } from '../validation/validation';

type HandlerFn = (data: unknown, event: EventEnvelope) => Promise<unknown>;
interface Handler {
  name: string;
  fn: HandlerFn;
  /** Keeps no processed mark: the handler's writes are state-guarded (`@StateGuarded`). */
  stateGuarded: boolean;
}

/** What readiness and `/metrics` report about the consumer. */
export interface ConsumerStatus {
  subscribed: boolean;
  /** Member of its group with partitions assigned (or none to assign) and fetching. */
  consuming: boolean;
  state: 'idle' | 'connecting' | 'joined' | 'rebalancing' | 'crashed' | 'stopped';
  /** Times this member joined its group: more than one means it was evicted or rebalanced. */
  joins: number;
  /** ms since the last fetch loop; the runner fetches every ~100 ms while healthy. */
  lastFetchAgoMs?: number;
  /** Partitions held back while a transient failure is retried. */
  retrying: { partition: string; sinceMs: number; attempts: number; error: string }[];
  lastError?: string;
}

/** A consumer whose fetch loop has not turned for this long is not consuming. */
const FETCH_STALE_MS = 15_000;

/** A shutdown or a rebalance ends the retries: the offset stays uncommitted, the message comes again. */
class Interrupted extends Error {}

/** Wraps a failure that ends the retries of one handler: the message is dead-lettered. */
class Final extends Error {
  constructor(readonly error: unknown) {
    super((error as Error)?.message ?? String(error));
  }
}

/**
 * Consumes the topics of every @OnEvent handler in the service. Each event is applied at
 * most once per handler (processed ids under a unique key, or the handler's own state guard
 * for a `@StateGuarded` one). A failure is classified
 * (consumer-failure.ts): poison is dead-lettered to `<topic>.dlt` at once with the error and the
 * original headers; a transient failure (database or broker away, a lease still held) is
 * retried with backoff until it succeeds — its partition waits, the others go on — and is never
 * dead-lettered; anything else gets CONSUMER_MAX_ATTEMPTS, then the dead-letter topic. The
 * offset is committed only after that, so a crash redelivers. `npm run dlt:replay` puts a
 * dead-lettered message back once its cause is fixed.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly handlers = new Map<string, Handler[]>();
  private consumer?: Consumer;
  private topics: string[] = [];
  private state: ConsumerStatus['state'] = 'idle';
  private lastFetch = 0;
  private joins = 0;
  private lastError?: string;
  private readonly retrying = new Map<string, { since: number; attempts: number; error: string }>();
  private stopping = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly kafka: KafkaService,
    private readonly config: ServiceConfig,
    private readonly cls: ClsService,
    private readonly metrics: MessagingMetrics,
    @InjectModel(ProcessedEvent.name) private readonly processed: Model<ProcessedEvent>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.discoverHandlers();
    await this.kafka.ensureTopics();
    if (this.handlers.size === 0) return;
    this.topics = [...new Set([...this.handlers.keys()].map(topicOf))].map((t) =>
      this.kafka.topic(t),
    );
    this.state = 'connecting';
    // A member must outlive its slowest handler between heartbeats; a rebalance waits for the
    // handlers in flight to finish. Both sized for real work, not for tests (issue 10, finding 3).
    this.consumer = this.kafka.kafka.consumer({
      groupId: this.kafka.groupId(),
      sessionTimeout: this.config.CONSUMER_SESSION_TIMEOUT_MS,
      rebalanceTimeout: this.config.CONSUMER_SESSION_TIMEOUT_MS * 2,
      heartbeatInterval: Math.min(3_000, Math.floor(this.config.CONSUMER_SESSION_TIMEOUT_MS / 10)),
      maxWaitTimeInMs: 100,
      retry: { retries: 10 },
    });
    this.watch(this.consumer);
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    // One aggregate's events share a key, hence a partition: partitions may run side by side.
    await this.consumer.run({
      partitionsConsumedConcurrently: PARTITIONS,
      eachMessage: (payload) => this.onMessage(payload),
    });
    this.logger.log(`consuming ${this.topics.join(', ')} as ${this.kafka.groupId()}`);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
    this.state = 'stopped';
  }

  private watch(consumer: Consumer): void {
    const { GROUP_JOIN, REBALANCING, CRASH, STOP, DISCONNECT, FETCH_START } = consumer.events;
    consumer.on(GROUP_JOIN, () => {
      this.joins += 1;
      this.state = 'joined';
      this.lastFetch = Date.now();
    });
    consumer.on(REBALANCING, () => {
      this.state = 'rebalancing';
    });
    consumer.on(CRASH, (e) => {
      this.state = 'crashed';
      this.lastError = (e.payload.error as Error | undefined)?.message;
    });
    consumer.on(STOP, () => {
      this.state = 'stopped';
    });
    consumer.on(DISCONNECT, () => {
      if (!this.stopping) this.state = 'connecting';
    });
    consumer.on(FETCH_START, () => {
      this.lastFetch = Date.now();
    });
  }

  /** Joined, fetching, and no partition held back by a failure. For `/health/ready`. */
  status(): ConsumerStatus {
    const now = Date.now();
    const retrying = [...this.retrying].map(([partition, r]) => ({
      partition,
      sinceMs: now - r.since,
      attempts: r.attempts,
      error: r.error,
    }));
    if (!this.consumer)
      return { subscribed: false, consuming: true, state: this.state, joins: 0, retrying };
    const lastFetchAgoMs = this.lastFetch ? now - this.lastFetch : undefined;
    const consuming =
      this.state === 'joined' && lastFetchAgoMs !== undefined && lastFetchAgoMs < FETCH_STALE_MS;
    return {
      subscribed: true,
      consuming,
      state: this.state,
      joins: this.joins,
      lastFetchAgoMs,
      retrying,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** Messages not yet consumed by this group, per topic (end offset − committed offset). */
  async lag(): Promise<Record<string, number>> {
    if (!this.consumer) return {};
    const admin = await this.kafka.getAdmin();
    const result: Record<string, number> = {};
    const committed = await admin.fetchOffsets({
      groupId: this.kafka.groupId(),
      topics: this.topics,
    });
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      let lag = 0;
      for (const end of ends) {
        const at = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        const from = Number(at) < 0 ? Number(end.low) : Number(at);
        lag += Math.max(0, Number(end.high) - from);
      }
      result[this.kafka.untopic(topic)] = lag;
    }
    return result;
  }

  private discoverHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as HandlerFn;
        const types = this.reflector.get<EventType[] | undefined>(ON_EVENT_KEY, fn) ?? [];
        const stateGuarded =
          this.reflector.get<boolean | undefined>(STATE_GUARDED_KEY, fn) ?? false;
        for (const type of types) {
          const list = this.handlers.get(type) ?? [];
          list.push({
            name: `${instance.constructor.name}.${method}`,
            fn: fn.bind(instance),
            stateGuarded,
          });
          this.handlers.set(type, list);
        }
      }
    }
  }

  /** Applies one message; the HTTP and the Kafka path of a use case call the same service code. */
  async onMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    let event: EventEnvelope;
    let data: unknown;
    try {
      event = this.parse(message.value);
      const handlers = this.handlers.get(event.type);
      if (!handlers) return;
      data = validatePayload(
        EVENT_CATALOGUE[event.type as EventType] as new () => object,
        event.data,
      );
      for (const handler of handlers) await this.applyOnce(handler, event, data, payload);
    } catch (error) {
      if (error instanceof Interrupted) throw error;
      await this.untilDone(payload, 'dead-lettering', () =>
        this.deadLetter(
          topic,
          partition,
          message.offset,
          message.key,
          message.value,
          message.headers,
          error,
        ),
      );
    }
  }

  private parse(value: Buffer | null): EventEnvelope {
    let event: EventEnvelope;
    try {
      event = JSON.parse(value?.toString() ?? '') as EventEnvelope;
    } catch (e) {
      throw new PoisonMessage(`not JSON: ${(e as Error).message}`);
    }
    for (const field of ['id', 'type', 'subject', 'time', 'source'] as const) {
      if (typeof event?.[field] !== 'string') throw new PoisonMessage(`envelope lacks ${field}`);
    }
    if (!isKnownEventType(event.type)) throw new PoisonMessage(`unknown event type ${event.type}`);
    return event;
  }

  private async applyOnce(
    handler: Handler,
    event: EventEnvelope,
    data: unknown,
    payload: EachMessagePayload,
  ): Promise<void> {
    const key = `${handler.name}:${event.id}`;
    let unknownFailures = 0;
    await this.untilDone(payload, `${handler.name} on ${event.type} ${event.id}`, async () => {
      try {
        if (!handler.stateGuarded && (await this.processed.exists({ _id: key }))) {
          this.metrics.duplicates.inc({ type: event.type });
          return;
        }
        await this.cls.run(async () => {
          this.cls.set(CLS_ID, event.correlationid);
          this.cls.set(CAUSATION_KEY, event.id);
          await handler.fn(data, event);
        });
        if (!handler.stateGuarded)
          await this.processed
            .create({ _id: key, type: event.type, processedAt: new Date() })
            .catch((e: { code?: number }) => {
              if (e.code !== 11000) throw e;
            });
        this.metrics.consumed.inc({ type: event.type });
      } catch (error) {
        const kind = classifyFailure(error);
        if (kind === 'poison') throw new Final(error);
        if (kind === 'unknown' && ++unknownFailures >= this.config.CONSUMER_MAX_ATTEMPTS)
          throw new Final(error);
        throw error;
      }
    }).catch((e: unknown) => {
      throw e instanceof Final ? e.error : e;
    });
  }

  /**
   * Runs `work` until it succeeds or throws `Final`: the partition waits meanwhile (other
   * partitions go on), the group is told this member lives, and a rebalance or shutdown
   * interrupts it without committing the offset, so the message is delivered again.
   */
  private async untilDone(
    { topic, partition, heartbeat }: EachMessagePayload,
    what: string,
    work: () => Promise<void>,
  ): Promise<void> {
    const slot = `${this.kafka.untopic(topic)}[${partition}]`;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await work();
          return;
        } catch (error) {
          if (error instanceof Final || error instanceof Interrupted) throw error;
          const message = (error as Error).message ?? String(error);
          const wait = transientBackoffMs(attempt);
          const since = this.retrying.get(slot)?.since ?? Date.now();
          this.retrying.set(slot, { since, attempts: attempt, error: message.slice(0, 300) });
          this.metrics.retried.inc({ type: classifyFailure(error) });
          this.logger.warn(`${what} failed (attempt ${attempt}), retry in ${wait} ms: ${message}`);
          for (let waited = 0; waited < wait; waited += 1_000) {
            if (this.stopping) throw new Interrupted('consumer stopping');
            await delay(Math.min(1_000, wait - waited));
            await heartbeat().catch((e: Error) => {
              throw new Interrupted(`heartbeat refused, rejoining: ${e.message}`);
            });
          }
          if (this.stopping) throw new Interrupted('consumer stopping');
        }
      }
    } finally {
      this.retrying.delete(slot);
    }
  }
  private async deadLetter(
    topic: string,
    partition: number,
    offset: string,
    key: Buffer | null,
    value: Buffer | null,
    headers: IHeaders | undefined,
    error: unknown,
  ): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error(`dead-lettering ${topic}[${partition}]@${offset}: ${reason}`);
    await this.kafka.send(`${this.kafka.untopic(topic)}${DEAD_LETTER_SUFFIX}`, [
      {
        key,
        value,
        headers: {
          ...(headers ?? {}),
          'dlt-error': reason.slice(0, 4000),
          'dlt-consumer-group': this.kafka.groupId(),
          'dlt-original-topic': topic,
          'dlt-original-partition': String(partition),
          'dlt-original-offset': offset,
        },
      },
    ]);
    this.metrics.deadLettered.inc({ type: eventTypeOf(value) });
  }
}

function eventTypeOf(value: Buffer | null): string {
  try {
    const type = (JSON.parse(value?.toString() ?? '') as { type?: unknown }).type;
    return typeof type === 'string' && isKnownEventType(type) ? type : 'unknown';
  } catch {
    return 'unknown';
  }
}
