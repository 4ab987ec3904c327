import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_SUFFIX } from './kafka.service';

export interface DeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  /** The topic it was consumed from (namespaced, as the consumer saw it). */
  originalTopic: string;
  originalOffset: string;
  group: string;
  error: string;
  eventId?: string;
  eventType?: string;
  /** Already put back by an earlier replay (a later message names this offset). */
  replayed: boolean;
  message: KafkaMessage;
}

export interface ReplaySelection {
  /** The dead-letter topic as the broker names it, e.g. `orders.order.events.dlt`. */
  topic: string;
  /** Only these `partition:offset` pairs (or offsets, any partition); all when empty. */
  only?: string[];
  /** Skip messages an earlier replay already put back (default true). */
  skipReplayed?: boolean;
}

const header = (headers: IHeaders | undefined, name: string): string | undefined => {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v[0] : v)?.toString();
};

/** Everything on a dead-letter topic now, oldest first, with why it was dead-lettered. */
export async function listDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  if (!topic.endsWith(DEAD_LETTER_SUFFIX))
    throw new Error(`${topic} is not a dead-letter topic (*${DEAD_LETTER_SUFFIX})`);
  const admin = kafka.admin();
  await admin.connect();
  let ends;
  try {
    ends = await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
  const remaining = new Map(
    ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high) - 1n]),
  );
  const seen: { partition: number; message: KafkaMessage }[] = [];
  if (remaining.size > 0) {
    const consumer = kafka.consumer({
      groupId: `dlt-replay-${randomUUID()}`,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read of ${topic} timed out`)), 60_000);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const last = remaining.get(partition);
          if (last === undefined || BigInt(message.offset) > last) return;
          seen.push({ partition, message });
          if (BigInt(message.offset) === last) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    }).finally(() => consumer.disconnect());
  }
  const replayedFrom = new Set(
    seen.map(({ message }) => header(message.headers, 'dlt-replayed-from')).filter(Boolean),
  );
  return seen
    .sort(
      (a, b) => a.partition - b.partition || Number(a.message.offset) - Number(b.message.offset),
    )
    .map(({ partition, message }) => {
      let event: { id?: unknown; type?: unknown } = {};
      try {
        event = JSON.parse(message.value?.toString() ?? '') as typeof event;
      } catch {
        // poison that is not JSON: listed without an event id
      }
      const originalTopic = header(message.headers, 'dlt-original-topic') ?? '';
      const originalPartition = header(message.headers, 'dlt-original-partition') ?? '?';
      const originalOffset = header(message.headers, 'dlt-original-offset') ?? '?';
      return {
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        originalTopic,
        originalOffset: `${originalPartition}:${originalOffset}`,
        group: header(message.headers, 'dlt-consumer-group') ?? '',
        error: header(message.headers, 'dlt-error') ?? '',
        ...(typeof event.id === 'string' ? { eventId: event.id } : {}),
        ...(typeof event.type === 'string' ? { eventType: event.type } : {}),
        replayed: replayedFrom.has(`${topic}[${partition}]@${message.offset}`),
        message,
      };
    });
}

/**
 * Puts dead-lettered messages back on the topic they came from, with their key, value and
 * headers (the `dlt-*` ones dropped), once their cause is fixed. The event keeps its id, so
 * every consumer group that already applied it skips it and the one that failed applies it.
 * A marker on the dead-letter topic records the replay, so running it twice replays nothing new.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  selection: ReplaySelection,
): Promise<DeadLetter[]> {
  const { topic, only = [], skipReplayed = true } = selection;
  const letters = (await listDeadLetters(kafka, topic)).filter(
    (l) =>
      l.originalTopic &&
      !header(l.message.headers, 'dlt-replayed-from') &&
      (!skipReplayed || !l.replayed) &&
      (only.length === 0 || only.includes(`${l.partition}:${l.offset}`) || only.includes(l.offset)),
  );
  if (letters.length === 0) return [];
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const letter of letters) {
      const headers: IHeaders = Object.fromEntries(
        Object.entries(letter.message.headers ?? {}).filter(([name]) => !name.startsWith('dlt-')),
      );
      const from = `${topic}[${letter.partition}]@${letter.offset}`;
      await producer.send({
        topic: letter.originalTopic,
        acks: -1,
        messages: [
          {
            key: letter.message.key,
            value: letter.message.value,
            headers: { ...headers, 'dlt-replayed': from },
          },
        ],
      });
      // The marker: a tombstone-like record on the DLT naming what was replayed.
      await producer.send({
        topic,
        acks: -1,
        messages: [
          { key: letter.message.key, value: null, headers: { 'dlt-replayed-from': from } },
        ],
      });
    }
  } finally {
    await producer.disconnect();
  }
  return letters;
}
