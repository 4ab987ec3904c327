/**
 * Issue 12, finding 6: what a running service exposes where. Started as `main.ts` starts it
 * (runService), with METRICS_PORT set: /metrics answers on the metrics port only, the API port
 * binds HOST, and no response carries the X-Powered-By banner.
 */
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { runService } from '@app/common';
import { newNamespace } from '@app/common/testing';
import { OrdersAppModule } from '../apps/orders/src/app.module';

const API_PORT = 4291;
const METRICS_PORT = 4292;

describe('exposure of a running service (issue 12, finding 6)', () => {
  const saved = { ...process.env };
  let app: INestApplication;

  beforeAll(async () => {
    const namespace = newNamespace();
    Object.assign(process.env, {
      PORT: String(API_PORT),
      HOST: '127.0.0.1',
      METRICS_PORT: String(METRICS_PORT),
      METRICS_HOST: '127.0.0.1',
      MONGO_DB: `test_orders_${namespace}`,
      KAFKA_NAMESPACE: namespace,
      LOG_LEVEL: 'silent',
      TIMER_SWEEP_MS: '0',
    });
    app = await runService(OrdersAppModule, 'orders', API_PORT);
  });

  afterAll(async () => {
    await app?.get<Connection>(getConnectionToken()).dropDatabase();
    await app?.close();
    process.env = saved;
  });

  it('serves /metrics on METRICS_PORT only, and the API without a banner', async () => {
    const metrics = await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/process_cpu_user_seconds_total/);
    expect((await fetch(`http://127.0.0.1:${METRICS_PORT}/docs-json`)).status).toBe(404);

    expect((await fetch(`http://127.0.0.1:${API_PORT}/metrics`)).status).toBe(404);
    const live = await fetch(`http://127.0.0.1:${API_PORT}/health/live`);
    expect(live.status).toBe(200);
    expect(live.headers.get('x-powered-by')).toBeNull();
    expect((app.getHttpServer() as { address(): { address: string } }).address().address).toBe(
      '127.0.0.1',
    );
  });
});
