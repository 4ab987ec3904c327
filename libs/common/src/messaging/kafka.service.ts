import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Admin, Kafka, logCreator, logLevel, Message, Producer } from 'kafkajs';
import { ServiceConfig } from '../config/service-config';
import { SERVICE_NAME } from '../platform/tokens';
import { ALL_TOPICS } from './contracts/catalogue';

export const DEAD_LETTER_SUFFIX = '.dlt';
export const PARTITIONS = 3;

/** Routes kafkajs' own logs into the service's JSON logger. */
const kafkaLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const { message, ...extra } = log;
    const line = `${message} ${JSON.stringify(extra)}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.debug(line);
  };
};

/** One Kafka client per service: producer (acks = all), admin, and topic naming. */
@Injectable()
export class KafkaService implements OnModuleDestroy {
  private readonly logger = new Logger(KafkaService.name);
  readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private connected = false;
  private admin?: Promise<Admin>;

  constructor(
    readonly config: ServiceConfig,
    @Inject(SERVICE_NAME) readonly serviceName: string,
  ) {
    this.kafka = new Kafka({
      clientId: `${config.KAFKA_NAMESPACE}${serviceName}`,
      brokers: config.KAFKA_BROKERS.split(','),
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator,
      retry: { retries: 8, initialRetryTime: 200 },
    });
  }

  /** The namespaced name of a catalogue topic. */
  topic(name: string): string {
    return this.config.KAFKA_NAMESPACE ? `${this.config.KAFKA_NAMESPACE}.${name}` : name;
  }

  /** The catalogue topic name of a namespaced one. */
  untopic(name: string): string {
    const prefix = this.config.KAFKA_NAMESPACE ? `${this.config.KAFKA_NAMESPACE}.` : '';
    return prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  }

  groupId(): string {
    return this.topic(this.serviceName);
  }

  async getProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        allowAutoTopicCreation: true,
        idempotent: true,
        maxInFlightRequests: 1,
      });
      producer.on(producer.events.CONNECT, () => {
        this.connected = true;
      });
      producer.on(producer.events.DISCONNECT, () => {
        this.connected = false;
      });
      try {
        await producer.connect();
      } catch (error) {
        this.producer = undefined; // the next caller tries again
        throw error;
      }
      return producer;
    })();
    return this.producer;
  }

  /** Drops the producer (a send on it never settled); the next caller gets a new one. */
  replaceProducer(): void {
    const old = this.producer;
    this.producer = undefined;
    this.connected = false;
    void old?.then((p) => p.disconnect()).catch(() => undefined);
  }

  /** The producer has connected and not disconnected since. */
  producerConnected(): boolean {
    return this.connected;
  }

  async getAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  /** Sends and waits for all in-sync replicas to acknowledge. */
  async send(topic: string, messages: Message[]): Promise<void> {
    const producer = await this.getProducer();
    await producer.send({ topic: this.topic(topic), messages, acks: -1 });
  }

  /**
   * Creates every catalogue topic and its dead-letter topic (existing ones are left alone; on a
   * cluster of three or more brokers with replication factor 3 and min.insync.replicas=2) and
   * waits until each partition has a leader, so a consumer that subscribes next gets them all.
   */
  async ensureTopics(): Promise<void> {
    const admin = await this.getAdmin();
    const wanted = ALL_TOPICS.flatMap((t) => [t, `${t}${DEAD_LETTER_SUFFIX}`]).map((t) =>
      this.topic(t),
    );
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      // Three replicas on a cluster of three or more (two must acknowledge), one on a single node.
      const { brokers } = await admin.describeCluster();
      const replicationFactor = Math.min(3, brokers.length);
      const configEntries =
        replicationFactor >= 3 ? [{ name: 'min.insync.replicas', value: '2' }] : [];
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: PARTITIONS,
            replicationFactor,
            configEntries,
          })),
        });
        this.logger.log(`created topics: ${missing.join(', ')}`);
      } catch (error) {
        // Another instance or service may have created some of them at the same moment.
        this.logger.debug(`topic creation raced: ${(error as Error).message}`);
      }
    }
    await this.waitForLeaders(admin, wanted);
  }

  private async waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        const ready = metadata.every(
          (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
        );
        if (ready && metadata.length === topics.length) return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline)
        throw new Error(`topics have no leader after 30 s: ${topics.join(', ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async onModuleDestroy(): Promise<void> {
    const closing = [this.producer, this.admin].map(async (p) => (await p)?.disconnect());
    await Promise.allSettled(closing);
  }
}
