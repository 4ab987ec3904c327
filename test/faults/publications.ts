/**
 * Counts duplicate publications: the same event (CloudEvents `id`) on a topic more than once.
 * Consumers drop duplicates, but each one is work repeated downstream (issue 10, item 5).
 * Reads every event topic from the start up to its end offsets at the time of the call, and counts
 * the events whose first copy was published at or after `sinceMs`.
 */
import { randomBytes } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';

export interface Publications {
  /** Distinct events first published at or after `sinceMs`. */
  events: number;
  /** Extra copies of those events. */
  duplicates: number;
  /** Event type → extra copies, for the log. */
  byType: Record<string, number>;
}

export async function countPublications(
  kafka: Kafka,
  admin: Admin,
  sinceMs: number,
): Promise<Publications> {
  const topics = (await admin.listTopics()).filter(
    (t) => !t.startsWith('__') && !t.endsWith('.dlt'),
  );
  const remaining = new Map<string, bigint>();
  for (const topic of topics)
    for (const p of await admin.fetchTopicOffsets(topic))
      if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, BigInt(p.high));
  const seen = new Map<string, { type: string; copies: number; firstAt: number }>();
  if (remaining.size) {
    const consumer = kafka.consumer({
      groupId: `fault-suite-count-${randomBytes(4).toString('hex')}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            const key = `${topic}:${partition}`;
            const high = remaining.get(key);
            if (high !== undefined && BigInt(message.offset) + 1n >= high) remaining.delete(key);
            const event = message.value && parse(message.value.toString());
            if (event) {
              const at = Number(message.timestamp);
              const entry = seen.get(event.id) ?? { type: event.type, copies: 0, firstAt: at };
              entry.copies++;
              entry.firstAt = Math.min(entry.firstAt, at);
              seen.set(event.id, entry);
            }
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
  }
  const byType: Record<string, number> = {};
  let duplicates = 0;
  let events = 0;
  for (const { type, copies, firstAt } of seen.values()) {
    if (firstAt < sinceMs) continue;
    events++;
    if (copies > 1) {
      duplicates += copies - 1;
      byType[type] = (byType[type] ?? 0) + copies - 1;
    }
  }
  return { events, duplicates, byType };
}

function parse(value: string): { id: string; type: string } | undefined {
  try {
    const event = JSON.parse(value) as { id?: unknown; type?: unknown };
    return typeof event.id === 'string' && typeof event.type === 'string'
      ? { id: event.id, type: event.type }
      : undefined;
  } catch {
    return undefined;
  }
}
