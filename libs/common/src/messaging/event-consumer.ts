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
import { ON_EVENT_KEY } from './on-event.decorator';
import { ProcessedEvent } from './processed-event.schema';
import { validatePayload } from '../validation/validation';

type HandlerFn = (data: unknown, event: EventEnvelope) => Promise<unknown>;
interface Handler {
  name: string;
  fn: HandlerFn;
}

/** Thrown for a message that no retry can fix: it goes straight to the dead-letter topic. */
class PoisonMessage extends Error {}

/**
 * Consumes the topics of every @OnEvent handler in the service. Each event is applied at
 * most once per handler (processed ids under a unique key), retried a bounded number of
 * times, then dead-lettered to `<topic>.dlt` with the error and original headers; the
 * consumer then moves on. The offset is committed only after that, so a crash redelivers.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly handlers = new Map<string, Handler[]>();
  private consumer?: Consumer;

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
    const topics = [...new Set([...this.handlers.keys()].map(topicOf))].map((t) =>
      this.kafka.topic(t),
    );
    this.consumer = this.kafka.kafka.consumer({
      groupId: this.kafka.groupId(),
      sessionTimeout: 10_000,
      rebalanceTimeout: 5_000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 100,
      retry: { retries: 10 },
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    // One aggregate's events share a key, hence a partition: partitions may run side by side.
    await this.consumer.run({
      partitionsConsumedConcurrently: PARTITIONS,
      eachMessage: (payload) => this.onMessage(payload),
    });
    this.logger.log(`consuming ${topics.join(', ')} as ${this.kafka.groupId()}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private discoverHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as HandlerFn;
        const types = this.reflector.get<EventType[] | undefined>(ON_EVENT_KEY, fn) ?? [];
        for (const type of types) {
          const list = this.handlers.get(type) ?? [];
          list.push({ name: `${instance.constructor.name}.${method}`, fn: fn.bind(instance) });
          this.handlers.set(type, list);
        }
      }
    }
  }

  /** Applies one message; the HTTP and the Kafka path of a use case call the same service code. */
  async onMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
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
      for (const handler of handlers) await this.applyOnce(handler, event, data);
    } catch (error) {
      await this.deadLetter(
        topic,
        partition,
        message.offset,
        message.key,
        message.value,
        message.headers,
        error,
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

  private async applyOnce(handler: Handler, event: EventEnvelope, data: unknown): Promise<void> {
    const key = `${handler.name}:${event.id}`;
    if (await this.processed.exists({ _id: key })) {
      this.metrics.duplicates.inc({ type: event.type });
      return;
    }
    const attempts = this.config.CONSUMER_MAX_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.cls.run(async () => {
          this.cls.set(CLS_ID, event.correlationid);
          this.cls.set(CAUSATION_KEY, event.id);
          await handler.fn(data, event);
        });
        break;
      } catch (error) {
        if (attempt >= attempts) throw error;
        this.logger.warn(
          `${handler.name} failed on ${event.type} ${event.id} (attempt ${attempt}): ${(error as Error).message}`,
        );
        await delay(100 * 4 ** (attempt - 1));
      }
    }
    await this.processed
      .create({ _id: key, type: event.type, processedAt: new Date() })
      .catch((e: { code?: number }) => {
        if (e.code !== 11000) throw e;
      });
    this.metrics.consumed.inc({ type: event.type });
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
    this.metrics.deadLettered.inc({ type: 'unknown' });
  }
}
