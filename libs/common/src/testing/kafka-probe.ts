/** Reads or writes raw messages on a namespaced topic, for tests of the messaging itself. */
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { EventType, PayloadOf, topicOf } from '../messaging/contracts/catalogue';
import { EventEnvelope, newEvent } from '../messaging/envelope';
import { randomUUID } from 'node:crypto';

export class KafkaProbe {
  private readonly kafka: Kafka;

  constructor(
    private readonly namespace: string,
    brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  ) {
    this.kafka = new Kafka({
      clientId: `probe-${namespace}`,
      brokers: brokers.split(','),
      logLevel: logLevel.NOTHING,
    });
  }

  topic(name: string): string {
    return `${this.namespace}.${name}`;
  }

  /**
   * Publishes a catalogue event as the service that owns its type would; returns its id.
   * `copies` above 1 sends the same envelope again, as a broker redelivers it.
   */
  async publish<T extends EventType>(
    type: T,
    subject: string,
    data: PayloadOf<T>,
    at: Date,
    copies = 1,
  ): Promise<string> {
    const event = newEvent(type, subject, data, at, {
      source: `/${type.split('.')[0]}`,
      correlationId: randomUUID(),
    });
    for (let copy = 0; copy < copies; copy++)
      await this.send(topicOf(type), subject, JSON.stringify(event));
    return event.id;
  }

  /** Publishes one catalogue event twice under the same id. */
  publishTwice<T extends EventType>(
    type: T,
    subject: string,
    data: PayloadOf<T>,
    at: Date,
  ): Promise<string> {
    return this.publish(type, subject, data, at, 2);
  }

  async send(topic: string, key: string, value: string | Buffer): Promise<void> {
    const producer = this.kafka.producer();
    await producer.connect();
    await producer.send({ topic: this.topic(topic), acks: -1, messages: [{ key, value }] });
    await producer.disconnect();
  }

  /** Collects messages from the start of a topic until `count` arrived or the timeout passed. */
  async read(topic: string, count: number, timeoutMs = 20_000): Promise<KafkaMessage[]> {
    const consumer = this.kafka.consumer({
      groupId: `probe-${this.namespace}-${randomUUID()}`,
      maxWaitTimeInMs: 100,
    });
    const seen: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic(topic), fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(message);
          if (seen.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    return seen;
  }

  /**
   * The events published on a topic so far, parsed, each once: the relay publishes at least
   * once, so an event id may stand on the topic twice; consumers apply it once, and so does this.
   */
  async events<D = Record<string, unknown>>(topic: string): Promise<EventEnvelope<D>[]> {
    const byId = new Map<string, EventEnvelope<D>>();
    for (const message of await this.readAll(topic)) {
      const event = JSON.parse(message.value?.toString() ?? '') as EventEnvelope<D>;
      if (!byId.has(event.id)) byId.set(event.id, event);
    }
    return [...byId.values()];
  }

  /** Everything on a topic right now, from the start to the end offsets read when called. */
  async readAll(topic: string, timeoutMs = 20_000): Promise<KafkaMessage[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(this.topic(topic));
    await admin.disconnect();
    const remaining = new Map(
      ends.filter((p) => p.high !== p.low).map((p) => [p.partition, BigInt(p.high) - 1n]),
    );
    const seen: KafkaMessage[] = [];
    if (remaining.size === 0) return seen;
    const consumer = this.kafka.consumer({
      groupId: `probe-${this.namespace}-${randomUUID()}`,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic(topic), fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read of ${topic} timed out`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const last = remaining.get(partition);
          if (last === undefined || BigInt(message.offset) > last) return;
          seen.push(message);
          if (BigInt(message.offset) === last) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    }).finally(() => consumer.disconnect());
    return seen;
  }
}
