/**
 * Starts (or finds) the real servers integration tests run against, once per test run:
 *  1. KAFKA_BROKERS and MONGO_URL set → those servers;
 *  2. TESTCONTAINERS=1 and a Docker engine → Kafka and MongoDB containers;
 *  3. otherwise the project's own scripts start Apache Kafka (KRaft) and the embedded MongoDB-wire server locally.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

interface Stoppable {
  stop(): Promise<unknown>;
}

declare global {
  var __TEST_CONTAINERS__: Stoppable[] | undefined;
}

export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  if (process.env.KAFKA_BROKERS && process.env.MONGO_URL) return;
  if (process.env.TESTCONTAINERS === '1') return startContainers();
  const root = resolve(__dirname, '../../../..');
  execFileSync('bash', [resolve(root, 'scripts/infra/up.sh')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env.KAFKA_BROKERS ??= `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`;
  process.env.MONGO_URL ??= `mongodb://127.0.0.1:${process.env.MONGO_PORT ?? 27017}`;
}

async function startContainers(): Promise<void> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const [kafka, mongo] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start(),
    new MongoDBContainer('mongo:7').start(),
  ]);
  process.env.KAFKA_BROKERS = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  process.env.MONGO_URL = `${mongo.getConnectionString()}?directConnection=true`;
  globalThis.__TEST_CONTAINERS__ = [kafka, mongo];
}
