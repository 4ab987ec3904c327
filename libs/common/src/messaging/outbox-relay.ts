import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { OUTBOX_MODELS } from '../platform/tokens';
import { ServiceConfig } from '../config/service-config';
import { topicOf } from './contracts/catalogue';
import { EventEnvelope } from './envelope';
import { KafkaService } from './kafka.service';
import { MessagingMetrics } from './messaging.metrics';
import { OutboxFields, outboxSignal, STAGED } from './outbox';

type OutboxDoc = OutboxFields & { _id: unknown };

/**
 * Publishes staged events in order (acks = all, key = aggregate id), then `$unset`s what the
 * broker acknowledged. A crash before the unset republishes on the next pass; consumers are
 * idempotent, so nothing is lost and nothing is applied twice.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private models: Model<OutboxDoc>[] = [];
  /** Aggregates this process just staged events on, by model name: published by `_id`. */
  private readonly hinted = new Map<string, Set<unknown>>();
  /** A scan of every outbox collection: at start, then every poll period, for what hints miss. */
  private scanDue = true;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(OUTBOX_MODELS) private readonly modelNames: string[],
    private readonly kafka: KafkaService,
    private readonly config: ServiceConfig,
    private readonly metrics: MessagingMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.models = this.modelNames.map((name) => this.connection.model<OutboxDoc>(name));
    outboxSignal.on(STAGED, this.onStaged);
    this.timer = setInterval(() => {
      this.scanDue = true;
      this.kick();
    }, this.config.OUTBOX_POLL_MS);
    this.kick();
  }

  private readonly onStaged = (modelName: string, id: unknown) => {
    if (!this.modelNames.includes(modelName)) return;
    if (id === undefined) this.scanDue = true;
    else {
      const ids = this.hinted.get(modelName) ?? new Set();
      this.hinted.set(modelName, ids.add(id));
    }
    this.kick();
  };

  /** Runs a pass soon. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.run(false).catch((e: Error) =>
      this.logger.warn(`relay pass failed, will retry: ${e.message}`),
    );
  }

  /**
   * Publishes what was hinted and everything due, after any pass under way: passes never
   * overlap, so one relay never publishes the same event twice. Tests call it to flush.
   */
  async drain(scan = true): Promise<void> {
    while (this.running) await this.running;
    await this.run(scan);
  }

  private run(scan: boolean): Promise<void> {
    const pass = this.pass(scan).finally(() => {
      this.running = undefined;
      if (this.again || this.hinted.size > 0) {
        this.again = false;
        this.kick();
      }
    });
    this.running = pass.catch(() => undefined);
    return pass;
  }

  /** Hinted aggregates by `_id`; then, when a scan is due, every due document. */
  private async pass(scan: boolean): Promise<void> {
    this.scanDue ||= scan;
    for (const model of this.models) {
      const ids = this.hinted.get(model.modelName);
      this.hinted.delete(model.modelName);
      for (const id of ids ?? []) {
        // A filter of `_id` alone: the development server uses its index only for that shape.
        const doc = await model.findById(id).lean<OutboxDoc>().exec();
        if (doc?.outboxAt) await this.relay(model, doc);
      }
    }
    if (!this.scanDue) return;
    this.scanDue = false;
    for (const model of this.models) {
      const visited: unknown[] = [];
      while (!this.stopped) {
        const doc = await model
          .findOne({ _id: { $nin: visited }, outboxAt: { $lte: new Date() } })
          .lean<OutboxDoc>()
          .exec();
        if (!doc) break;
        visited.push(doc._id);
        await this.relay(model, doc);
      }
    }
  }

  /**
   * Publishes a document's events, then clears them with one write guarded by `outboxSeq`.
   * The relay writes to an aggregate once, and only when no event was staged since it read:
   * on the MongoDB-wire server we run in development a conditional update is not atomic, so
   * fewer writes mean fewer chances to clobber a concurrent state change. If the guard misses,
   * the next pass republishes; consumers drop the duplicates.
   */
  private async relay(model: Model<OutboxDoc>, doc: OutboxDoc): Promise<void> {
    const entries = Object.entries(doc.outbox ?? {}).sort(([a], [b]) => a.localeCompare(b));
    if (entries.length > 0) await this.publish(entries.map(([, event]) => event));
    const unset = Object.fromEntries(entries.map(([key]) => [`outbox.${key}`, '']));
    await model
      .updateOne(
        { _id: doc._id, outboxSeq: doc.outboxSeq ?? 0 },
        { ...(entries.length > 0 ? { $unset: unset } : {}), $set: { outboxAt: null } },
      )
      .exec();
  }

  private async publish(events: EventEnvelope[]): Promise<void> {
    const producer = await this.kafka.getProducer();
    await producer.sendBatch({
      acks: -1,
      topicMessages: events.map((event) => ({
        topic: this.kafka.topic(topicOf(event.type)),
        messages: [
          {
            key: event.subject,
            value: JSON.stringify(event),
            headers: {
              'ce-id': event.id,
              'ce-type': event.type,
              'correlation-id': event.correlationid,
            },
          },
        ],
      })),
    });
    for (const event of events) this.metrics.published.inc({ type: event.type });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    outboxSignal.off(STAGED, this.onStaged);
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
