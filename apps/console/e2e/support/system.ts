/**
 * The real running system the browser journeys use: the four services and the console server,
 * built from this checkout and started as processes on their own ports, databases and Kafka
 * namespace, so that a run never meets another run's data (or another engineer's services).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../../..');
export const SERVICES = ['orders', 'procurement', 'delivery', 'aftersales'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface SystemInfo {
  consoleUrl: string;
  serviceUrls: Record<ServiceName, string>;
  namespace: string;
  databases: string[];
  pids: number[];
  startedMs: number;
}

const ENV_KEY = 'CONSOLE_E2E_SYSTEM';

/** What global setup started, for the journeys (same process under --runInBand, or a worker). */
export function systemInfo(): SystemInfo {
  const raw = process.env[ENV_KEY];
  if (!raw) throw new Error('the console e2e system is not running (jest project e2e starts it)');
  return JSON.parse(raw) as SystemInfo;
}

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitReady(url: string, child: ChildProcess, log: string): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url} exited (${child.exitCode}); see ${log}`);
    try {
      if ((await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not ready after 90 s; see ${log}`);
}

export async function startSystem(): Promise<SystemInfo> {
  const started = Date.now();
  run('bash', ['apps/console/scripts/ensure-chromium.sh']);
  run('npm', ['run', '-s', 'build']);
  run('npm', ['--prefix', 'apps/console', 'run', '-s', 'build']);
  const base = Number(process.env.CONSOLE_E2E_PORT_BASE ?? 4300);
  const id = randomBytes(3).toString('hex');
  const namespace = `console-e2e-${id}`;
  const logs = resolve(ROOT, '.run/console-e2e');
  mkdirSync(logs, { recursive: true });
  const shared = {
    ...process.env,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    MONGO_URL: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
    KAFKA_NAMESPACE: namespace,
    JWT_SECRET: process.env.JWT_SECRET ?? 'dev-only-secret-change-me-in-prod',
    LOG_LEVEL: 'warn',
    TIMER_SWEEP_MS: '5000',
    NODE_ENV: 'development',
  };
  const serviceUrls = {} as Record<ServiceName, string>;
  const children: { child: ChildProcess; url: string; log: string }[] = [];
  const databases: string[] = [];
  SERVICES.forEach((svc, i) => {
    const port = base + 1 + i;
    const log = resolve(logs, `${svc}.log`);
    const db = `console-e2e-${svc}-${id}`;
    databases.push(db);
    const child = spawn('node', [`dist/apps/${svc}/src/main.js`], {
      cwd: ROOT,
      // The dispatch journey waits for delivery's at-risk timer: sweep it every second.
      env: {
        ...shared,
        PORT: String(port),
        MONGO_DB: db,
        ...(svc === 'delivery' && { TIMER_SWEEP_MS: '1000' }),
      },
      stdio: ['ignore', openSync(log, 'w'), openSync(log, 'a')],
    });
    serviceUrls[svc] = `http://127.0.0.1:${port}`;
    children.push({ child, url: serviceUrls[svc], log });
  });
  const consoleLog = resolve(logs, 'console.log');
  const consoleServer = spawn('node', ['dist/apps/console/server/main.js'], {
    cwd: ROOT,
    env: {
      ...shared,
      PORT: String(base),
      ORDERS_URL: serviceUrls.orders,
      PROCUREMENT_URL: serviceUrls.procurement,
      DELIVERY_URL: serviceUrls.delivery,
      AFTERSALES_URL: serviceUrls.aftersales,
    },
    stdio: ['ignore', openSync(consoleLog, 'w'), openSync(consoleLog, 'a')],
  });
  const consoleUrl = `http://127.0.0.1:${base}`;
  children.push({ child: consoleServer, url: consoleUrl, log: consoleLog });
  const info: SystemInfo = {
    consoleUrl,
    serviceUrls,
    namespace,
    databases,
    pids: children.map((c) => c.child.pid!),
    startedMs: 0,
  };
  try {
    for (const c of children) await waitReady(c.url, c.child, c.log);
  } catch (e) {
    stopSystem(info);
    throw e;
  }
  info.startedMs = Date.now() - started;
  process.env[ENV_KEY] = JSON.stringify(info);
  return info;
}

export function stopSystem(info: SystemInfo): void {
  for (const pid of info.pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
