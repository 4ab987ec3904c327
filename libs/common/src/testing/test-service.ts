/**
 * Starts a service's real Nest app for an integration test: its own database (whose name
 * says test), a Kafka namespace shared only by the services of one test file, and a
 * ManualClock the test moves. Requests go through supertest; events through the real broker.
 */
import { INestApplication, Type } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Caller, Role, SCOPE_CLAIM } from '../auth/roles';
import { signToken } from '../auth/token';
import { Clock, ManualClock } from '../clock/clock';
import { DEV_JWT_SECRET, loadServiceConfig, ServiceConfig } from '../config/service-config';
import { EventConsumer } from '../messaging/event-consumer';
import { OutboxRelay } from '../messaging/outbox-relay';
import { configureApp } from '../platform/bootstrap';

export interface TestServiceOptions {
  service: string;
  /** Kafka namespace: give every service of one test file the same one (see `newNamespace`). */
  namespace: string;
  /** Share one clock between services of a test, or get a fresh one. */
  clock?: ManualClock;
  /** Reuse a database across restarts of the same service in one test. */
  database?: string;
  config?: Partial<ServiceConfig>;
}

export interface TestService {
  app: INestApplication;
  clock: ManualClock;
  config: ServiceConfig;
  connection: Connection;
  /** supertest bound to the app's HTTP server. */
  http: () => ReturnType<typeof request>;
  /** Bearer header value for a caller of that role (scoped roles get their id claim). */
  auth: (role: Role, claims?: Partial<Caller>) => string;
  /** Publishes all staged events now. */
  flushOutbox: () => Promise<void>;
  /** Resolves once the service's consumer group has handled every message on its topics. */
  caughtUp: () => Promise<void>;
  /** Stops the app; keeps the database unless `drop`. */
  close: (options?: { drop?: boolean }) => Promise<void>;
}

export function newNamespace(): string {
  return `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export async function startTestService(
  module: Type<unknown>,
  options: TestServiceOptions,
): Promise<TestService> {
  const clock = options.clock ?? new ManualClock();
  const database = options.database ?? `test_${options.service}_${options.namespace}`;
  if (!/test/.test(database))
    throw new Error(`refusing to run tests against database "${database}"`);
  const config = Object.assign(loadServiceConfig(), {
    MONGO_DB: database,
    KAFKA_NAMESPACE: options.namespace,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_MS: 500,
    TIMER_SWEEP_MS: 0,
    ...options.config,
  });
  const moduleRef = await Test.createTestingModule({ imports: [module] })
    .overrideProvider(ServiceConfig)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  await configureApp(app, options.service);
  await app.init();
  const connection = app.get<Connection>(getConnectionToken());
  return {
    app,
    clock,
    config,
    connection,
    http: () => request(app.getHttpServer()),
    auth: (role, claims = {}) => {
      const claim = SCOPE_CLAIM[role];
      const caller: Caller = {
        sub: `${role}-1`,
        role,
        ...(claim ? { [claim]: `${claim}-1` } : {}),
        ...claims,
      };
      return `Bearer ${signToken(caller, config.JWT_SECRET ?? DEV_JWT_SECRET)}`;
    },
    flushOutbox: () => app.get(OutboxRelay).drain(),
    caughtUp: () =>
      eventually(async () => {
        const behind = Object.entries(await app.get(EventConsumer).lag()).filter(([, n]) => n > 0);
        if (behind.length > 0) throw new Error(`consumer behind: ${JSON.stringify(behind)}`);
      }),
    close: async ({ drop = false } = {}) => {
      if (drop) await connection.dropDatabase();
      await app.close();
    },
  };
}

/**
 * Retries an assertion until it passes: for results that arrive over Kafka. Never use it to
 * wait for a domain timer — move the clock instead.
 */
export async function eventually<T>(
  assertion: () => Promise<T> | T,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
