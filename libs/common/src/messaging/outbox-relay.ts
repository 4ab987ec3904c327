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

/** Aggregates read and published together: one `$in` read and one broker batch. */
const BATCH = 200;
/** A periodic scan leaves recent entries to the relay of the instance that staged them. */
const SCAN_GRACE_MS = 5_000;
const MAX_BACKOFF_MS = 5_000;

/**
 * Publishes staged events in order (acks = all, key = aggregate id), then `$unset`s exactly the
 * entries the broker acknowledged. A crash before the unset republishes on the next pass;
 * consumers are idempotent, so nothing is lost and nothing is applied twice.
 *
 * Work is bounded by the backlog, not by the collection: a write in this process names its
 * aggregate, which goes on the pending list and is read by `_id`; a scan (at start-up, then
 * every OUTBOX_POLL_MS, when set, for aggregates another instance left behind) reads only the ids of
 * documents with pending entries. An aggregate whose publication fails stays pending and is
 * retried with backoff, so a broker outage ends with the backlog published in batches.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private models = new Map<string, Model<OutboxDoc>>();
  /** Aggregates with entries to publish, by model name, in the order they were staged. */
  private readonly pending = new Map<string, Set<unknown>>();
  /** When each pending aggregate first became pending (`model:id`), for the backlog's age. */
  private readonly pendingSince = new Map<string, number>();
  /**
   * Aggregates signalled since a pass read them (`model:id`). A write that stages events after
   * the pass's clearing write matched, but before the pass forgets the id, must keep it pending.
   */
  private readonly signalled = new Set<string>();
  private timer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private failures = 0;
  private lastError?: Error;
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
    for (const name of this.modelNames)
      this.models.set(name, this.connection.model<OutboxDoc>(name));
    outboxSignal.on(STAGED, this.onStaged);
    if (this.config.OUTBOX_POLL_MS > 0)
      this.timer = setInterval(
        () => void this.scanQuietly(SCAN_GRACE_MS),
        this.config.OUTBOX_POLL_MS,
      );
    void this.scanQuietly(0);
  }

  /** Number of aggregates with events not yet published, as this relay knows them. */
  backlog(): number {
    let n = 0;
    for (const ids of this.pending.values()) n += ids.size;
    return n;
  }

  /** Backlog, the age of its oldest entry and the last failure, for `/health/ready`. */
  status(): { backlog: number; oldestAgeMs: number; failing?: string } {
    let oldest = Date.now();
    for (const since of this.pendingSince.values()) oldest = Math.min(oldest, since);
    const oldestAgeMs = Date.now() - oldest;
    this.metrics.outboxBacklogAge.set(oldestAgeMs / 1000);
    return {
      backlog: this.backlog(),
      oldestAgeMs,
      ...(this.failures > 0 && this.lastError ? { failing: this.lastError.message } : {}),
    };
  }

  private readonly onStaged = (modelName: string, id: unknown) => {
    if (!this.models.has(modelName)) return;
    if (id === undefined) void this.scanQuietly(0);
    else this.add(modelName, [id]);
  };

  private add(modelName: string, ids: unknown[]): void {
    if (ids.length === 0) return;
    const set = this.pending.get(modelName) ?? new Set();
    const now = Date.now();
    for (const id of ids) {
      set.add(id);
      const key = `${modelName}:${String(id)}`;
      this.signalled.add(key);
      if (!this.pendingSince.has(key)) this.pendingSince.set(key, now);
    }
    this.pending.set(modelName, set);
    this.metrics.outboxBacklog.set(this.backlog());
    this.kick();
  }

  /** Runs a pass soon; passes never overlap, so one relay never publishes an entry twice. */
  private kick(): void {
    if (this.stopped || this.retryTimer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const pass = this.pass()
      .then(() => {
        this.failures = 0;
      })
      .catch((e: Error) => this.retryLater(e))
      .finally(() => {
        this.running = undefined;
        if (this.again && this.backlog() > 0) {
          this.again = false;
          this.kick();
        }
      });
    this.running = pass;
  }

  private retryLater(error: Error): void {
    this.failures += 1;
    this.lastError = error;
    const wait = Math.min(100 * 2 ** this.failures, MAX_BACKOFF_MS);
    this.logger.warn(
      `relay pass failed (${this.backlog()} pending), retry in ${wait} ms: ${error.message}`,
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, wait);
  }

  /**
   * Publishes everything staged so far (in this process or found by a scan); rejects when a
   * pass fails. Tests flush with it.
   */
  async drain(): Promise<void> {
    await this.scan(0);
    while (this.backlog() > 0 || this.running) {
      if (this.retryTimer) {
        clearTimeout(this.retryTimer);
        this.retryTimer = undefined;
      }
      const failuresBefore = this.failures;
      if (!this.running) this.kick();
      await this.running;
      if (this.failures > failuresBefore) throw this.lastError ?? new Error('relay pass failed');
    }
  }

  /** Adds the aggregates with pending entries staged at least `graceMs` ago. */
  private async scan(graceMs: number): Promise<void> {
    const cutoff = new Date(Date.now() - graceMs);
    for (const [name, model] of this.models) {
      const due = await model
        .find({ outboxAt: { $ne: null, $lte: cutoff } }, { _id: 1 })
        .lean<{ _id: unknown }[]>()
        .exec();
      this.logger.debug(`scan of ${name}: ${due.length} aggregate(s) with pending events`);
      const mine = this.pending.get(name);
      const leftBehind = due.filter((d) => !mine?.has(d._id));
      if (graceMs > 0 && leftBehind.length > 0)
        this.logger.warn(
          `${leftBehind.length} ${name} aggregate(s) with events left unpublished (an instance stopped?), publishing: ${leftBehind
            .slice(0, 5)
            .map((d) => String(d._id))
            .join(', ')}`,
        );
      this.add(
        name,
        due.map((d) => d._id),
      );
    }
  }

  private scanQuietly(graceMs: number): Promise<void> {
    return this.scan(graceMs).catch((e: Error) =>
      this.logger.warn(`outbox scan failed, will retry: ${e.message}`),
    );
  }

  /** One batch per model: read by `_id`, publish in one broker batch, clear what was published. */
  private async pass(): Promise<void> {
    for (const [name, model] of this.models) {
      const set = this.pending.get(name);
      if (!set || set.size === 0) continue;
      const ids = [...set].slice(0, BATCH);
      for (const id of ids) this.signalled.delete(`${name}:${String(id)}`);
      const docs = await model
        .find({ _id: { $in: ids } })
        .lean<OutboxDoc[]>()
        .exec();
      const published = docs.map((doc) => ({ doc, entries: sortedEntries(doc) }));
      await this.publish(published.flatMap(({ entries }) => entries.map(([, e]) => e)));
      const restaged = await Promise.all(
        published.map(({ doc, entries }) => clear(model, doc, entries)),
      );
      const restagedIds = published.filter((_, i) => restaged[i]).map(({ doc }) => doc._id);
      const signalledMeanwhile = ids.filter((id) => this.signalled.has(`${name}:${String(id)}`));
      const still = [...new Set([...restagedIds, ...signalledMeanwhile])];
      const stillKeys = new Set(still.map((id) => String(id)));
      for (const id of ids) {
        set.delete(id);
        if (!stillKeys.has(String(id))) this.pendingSince.delete(`${name}:${String(id)}`);
      }
      this.add(name, still);
    }
    this.metrics.outboxBacklog.set(this.backlog());
    if (this.backlog() > 0) this.again = true;
  }

  private async publish(events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const producer = await this.kafka.getProducer();
    const sent = producer.sendBatch({
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
    await this.settledWithin(sent, this.config.OUTBOX_PUBLISH_TIMEOUT_MS);
    for (const event of events) this.metrics.published.inc({ type: event.type });
  }

  private async settledWithin(sent: Promise<unknown>, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kafka.replaceProducer();
        reject(new Error(`the broker did not acknowledge the batch within ${ms} ms`));
      }, ms);
    });
    try {
      await Promise.race([sent, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    outboxSignal.off(STAGED, this.onStaged);
    if (this.timer) clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.running;
  }
}

function sortedEntries(doc: OutboxDoc): [string, EventEnvelope][] {
  return Object.entries(doc.outbox ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Removes the published entries. `outboxAt` is cleared in the same write only when nothing was
 * staged since the read (`outboxSeq` unchanged); otherwise the entries alone go, and the
 * aggregate stays pending for what was staged meanwhile. True when it is still pending.
 */
async function clear(
  model: Model<OutboxDoc>,
  doc: OutboxDoc,
  entries: [string, EventEnvelope][],
): Promise<boolean> {
  const unset = Object.fromEntries(entries.map(([key]) => [`outbox.${key}`, '']));
  const cleared = await model
    .updateOne(
      { _id: doc._id, outboxSeq: doc.outboxSeq ?? null },
      { ...(entries.length > 0 ? { $unset: unset } : {}), $set: { outboxAt: null } },
    )
    .exec();
  if (cleared.matchedCount === 1) return false;
  if (entries.length > 0) await model.updateOne({ _id: doc._id }, { $unset: unset }).exec();
  return true;
}
