/**
 * Fault-injection suite (issue 10): the four services as separate node processes against their
 * own Kafka and MongoDB-wire server (ports and run dir of scripts/faults.sh, never the shared
 * ones). Orders are driven through the HTTP API at a steady rate while a fault is injected; after
 * each fault every acknowledged order must end with exactly one reservation and one delivery,
 * nothing may be dead-lettered, and the counts are printed. Exits 1 unless every count is 0.
 *
 *   node .run/faults/test/faults/fault-suite.js [--full] [--only name,name]
 *
 * Counts outcomes only: orders' acknowledgements, the documents each service stored, the events
 * on the topics, and the end offsets of the dead-letter topics.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { countAftermath, DeliveryDriver, DRIVER_ID } from './deliveries';
import { call, JWT_SECRET, must, staff, token } from './http';
import { countPublications } from './publications';

// ---- configuration ---------------------------------------------------------------------------

const ROOT = resolve(__dirname, '../../../..');
const args = process.argv.slice(2);
const FULL = args.includes('--full');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const env = process.env;
const KAFKA_BROKERS = env.KAFKA_BROKERS ?? '127.0.0.1:19092';
const MONGO_URL = env.MONGO_URL ?? 'mongodb://127.0.0.1:27917';
const RUN = env.CENTRAL_KITCHEN_RUN ?? resolve(ROOT, '.run/faults');
const CLUSTER = (env.FAULTS_KAFKA_NODES ?? '1') === '3';
/** Orders driven per fault, and their rate. */
const ORDERS = Number(env.FAULTS_ORDERS ?? (FULL ? 200 : 24));
const RATE_PER_S = Number(env.FAULTS_RATE ?? (FULL ? 4 : 3));
const OUTAGE_MS = Number(env.FAULTS_OUTAGE_MS ?? (FULL ? 30_000 : 8_000));
const RECOVERY_LIMIT_MS = Number(env.FAULTS_RECOVERY_LIMIT_MS ?? (FULL ? 600_000 : 150_000));
const SERVICES = ['orders', 'procurement', 'delivery', 'aftersales'] as const;
type Service = (typeof SERVICES)[number];
const BASE_PORT = Number(env.FAULTS_BASE_PORT ?? 13_000);
const portOf = (svc: Service, instance: number) =>
  BASE_PORT + instance * 100 + SERVICES.indexOf(svc) + 1;

const log = (line: string) =>
  process.stderr.write(`[faults ${new Date().toISOString()}] ${line}\n`);

// ---- processes -------------------------------------------------------------------------------

class ServiceProcess {
  private child?: ChildProcess;
  constructor(
    readonly svc: Service,
    readonly instance: number,
  ) {}
  get port(): number {
    return portOf(this.svc, this.instance);
  }
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null;
  }
  start(): void {
    mkdirSync(`${RUN}/logs`, { recursive: true });
    const out = createWriteStream(`${RUN}/logs/${this.svc}-${this.instance}.log`, { flags: 'a' });
    this.child = spawn('node', [`${ROOT}/dist/apps/${this.svc}/src/main.js`], {
      env: {
        ...env,
        PORT: String(this.port),
        MONGO_DB: this.svc,
        KAFKA_BROKERS,
        MONGO_URL,
        JWT_SECRET,
        KAFKA_NAMESPACE: '',
        // Instances here are killed for good: the survivors scan for what they left unpublished.
        OUTBOX_POLL_MS: env.OUTBOX_POLL_MS ?? '10000',
        LOG_LEVEL: env.FAULTS_LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(out);
    this.child.stderr?.pipe(out);
  }
  kill9(): void {
    if (this.child?.pid) process.kill(this.child.pid, 'SIGKILL');
    this.child = undefined;
  }
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    this.child = undefined;
  }
  async ready(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child && this.child.exitCode !== null)
        throw new Error(
          `${this.svc}#${this.instance} exited (${this.child.exitCode}); see ${RUN}/logs`,
        );
      try {
        const res = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(5_000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`${this.svc}#${this.instance} not ready after ${timeoutMs} ms`);
      await sleep(250);
    }
  }
}

const infra = (server: 'kafka' | 'mongo' | 'kafka-cluster', ...action: string[]) =>
  execFileSync('bash', [`${ROOT}/scripts/infra/${server}.sh`, ...action], {
    env: { ...env, CENTRAL_KITCHEN_RUN: `${RUN}/infra` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

// ---- the world the orders need --------------------------------------------------------------

/** Monday of the ISO week two weeks from now (Asia/Shanghai): its menu can still be published. */
function orderWeek(): { week: string; monday: string } {
  const shanghai = new Date(Date.now() + 8 * 3_600_000 + 14 * 86_400_000);
  const day = (shanghai.getUTCDay() + 6) % 7;
  const monday = new Date(
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() - day),
  );
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const weekNo = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return {
    week: `${thursday.getUTCFullYear()}-W${String(weekNo).padStart(2, '0')}`,
    monday: monday.toISOString().slice(0, 10),
  };
}

interface World {
  canteenId: string;
  monday: string;
}

async function seedStock(): Promise<void> {
  // Lots enter through the goods-receipt path in production; here the service's own
  // LotsService writes them once, before the processes start.
  process.env.MONGO_URL = MONGO_URL;
  process.env.KAFKA_BROKERS = KAFKA_BROKERS;
  process.env.MONGO_DB = 'procurement';
  process.env.TIMER_SWEEP_MS = '0';
  process.env.LOG_LEVEL = 'silent';
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const { ProcurementAppModule } =
    require('../../apps/procurement/src/app.module') as typeof import('../../apps/procurement/src/app.module');
  const { LotsService } =
    require('../../apps/procurement/src/inventory/lots/lots.service') as typeof import('../../apps/procurement/src/inventory/lots/lots.service');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const app = await NestFactory.createApplicationContext(ProcurementAppModule, { logger: false });
  const lots = app.get(LotsService);
  const now = Date.now();
  for (let i = 0; i < 4; i++)
    await lots.receive(
      {
        lotId: `fault-rice-${i}`,
        sku: 'RICE-FAULTS',
        receivedAt: new Date(now - (i + 1) * 86_400_000),
        expiresAt: new Date(now + 60 * 86_400_000),
        quantityReceived: 1_000_000_000,
      },
      'fault-suite',
      'fault-suite',
    );
  await app.close();
}

async function setUpWorld(orders: string, procurement: string, delivery: string): Promise<World> {
  const { week, monday } = orderWeek();
  await must(
    'ingredient',
    () =>
      call(`${procurement}/ingredients`, 'POST', staff('buyer'), {
        sku: 'RICE-FAULTS',
        name: '大米',
        unit: 'g',
        category: 'grain',
        storage: 'dry',
        shelfLifeDays: 60,
      }),
    [201, 409],
  );
  const canteen = await must(
    'canteen',
    () =>
      call(`${orders}/canteens`, 'POST', staff('ops-manager'), {
        name: '故障测试食堂',
        address: '上海市浦东新区张江路 1 号',
        contact: { name: '王经理', phone: '13800000000' },
        receivingWindow: { from: '06:00', to: '17:00' },
      }),
    [201],
  );
  const draft = {
    dishes: [
      {
        dishId: 'steamed-rice',
        name: '米饭',
        pricePerPortion: '2.00',
        recipe: [{ sku: 'RICE-FAULTS', quantityPerPortion: 150 }],
      },
    ],
    offerings: [{ date: monday, meal: 'lunch', dishId: 'steamed-rice' }],
  };
  // The ingredient reaches orders over Kafka before the menu can name it.
  for (let i = 0; ; i++) {
    const res = await call(`${orders}/menus/${week}/draft`, 'PUT', staff('chef'), draft);
    if (res.status === 200) break;
    if (i > 120) throw new Error(`menu draft: ${res.status} ${JSON.stringify(res.body)}`);
    await sleep(500);
  }
  await must(
    'driver',
    () =>
      call(`${delivery}/drivers`, 'POST', staff('dispatcher'), {
        driverId: DRIVER_ID,
        name: '故障测试司机',
        phone: '13900000000',
        vehicle: '沪A·12345',
      }),
    [201, 409],
  );
  await must(
    'publish',
    () => call(`${orders}/menus/${week}/publish`, 'POST', staff('chef')),
    [200],
  );
  return { canteenId: canteen.id as string, monday };
}

// ---- load ------------------------------------------------------------------------------------

interface Placement {
  key: string;
  orderId?: string;
  attempts: number;
}

/** Places orders at a steady rate; an unanswered placement is retried with the same key. */
class Load {
  readonly placements: Placement[] = [];
  private stopped = false;
  private inFlight = new Set<Promise<void>>();
  private turn = 0;

  constructor(
    private readonly world: World,
    private readonly targets: () => string[],
    private readonly label: string,
    private readonly onAcknowledged: (orderId: string, index: number) => void,
  ) {}

  private order() {
    return {
      dishes: [{ dishId: 'steamed-rice', date: this.world.monday, meal: 'lunch', portions: 10 }],
      ingredients: [],
      requestedTime: `${this.world.monday}T02:00:00.000Z`,
    };
  }

  private async place(p: Placement): Promise<void> {
    const targets = this.targets();
    const url = targets[this.turn++ % targets.length];
    p.attempts++;
    try {
      const res = await call(
        `${url}/orders`,
        'POST',
        token({ sub: 'canteen-faults', role: 'canteen', canteenId: this.world.canteenId }),
        this.order(),
        { 'idempotency-key': p.key },
      );
      if (res.status === 201 && !p.orderId) {
        p.orderId = res.body.id as string;
        this.onAcknowledged(p.orderId, this.placements.indexOf(p));
      }
    } catch {
      // refused or timed out: not acknowledged, retried below with the same key (R-ORD-5)
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Drives `count` new orders at the rate; resolves when all are placed or retries ran out. */
  async run(count: number, retryUntil: () => number): Promise<void> {
    const gap = 1_000 / RATE_PER_S;
    for (let i = 0; i < count && !this.stopped; i++) {
      const p: Placement = { key: `${this.label}-${String(i).padStart(4, '0')}`, attempts: 0 };
      this.placements.push(p);
      this.track(this.place(p));
      await sleep(gap);
    }
    // Retry what was not acknowledged, as a client would, until the fault is over plus a while.
    for (;;) {
      await Promise.all([...this.inFlight]);
      const open = this.placements.filter((p) => !p.orderId);
      if (open.length === 0 || Date.now() > retryUntil()) return;
      await sleep(1_000);
      for (const p of open) this.track(this.place(p));
    }
  }
}

// ---- outcome ---------------------------------------------------------------------------------

interface Outcome {
  fault: string;
  driven: number;
  acknowledged: number;
  lost: number;
  duplicated: number;
  stuck: number;
  deadLettered: number;
  /** Deliveries driven to their hand-over, and what aftersales lost or doubled of them. */
  handedOver: number;
  aftermathLost: number;
  aftermathDuplicated: number;
  /** Events first published during the fault, and extra copies of them (a crash may resend). */
  eventsPublished: number;
  duplicatePublications: number;
  recoveryS: number | null;
  ok: boolean;
}

let mongo: MongoClient;
let kafka: Kafka;
let admin: Admin;

async function deadLetterCount(): Promise<number> {
  const topics = (await admin.listTopics()).filter((t) => t.endsWith('.dlt'));
  let n = 0;
  for (const t of topics)
    for (const p of await admin.fetchTopicOffsets(t)) n += Number(p.high) - Number(p.low);
  return n;
}

/** Waits until every acknowledged order has its delivery (or the limit), then counts. */
async function settle(
  fault: string,
  load: Load,
  faultEnded: number,
  dltBefore: number,
): Promise<Outcome> {
  const acked = load.placements.filter((p) => p.orderId).map((p) => p.orderId!);
  const deliveries = mongo
    .db('delivery')
    .collection<{ orderId: string; createdAt: Date }>('deliveries');
  const deadline = Date.now() + RECOVERY_LIMIT_MS;
  let found: { orderId: string; createdAt: Date }[] = [];
  for (;;) {
    found = [];
    for (let i = 0; i < acked.length; i += 100) {
      found.push(
        ...(await deliveries
          .find(
            { orderId: { $in: acked.slice(i, i + 100) } },
            { projection: { orderId: 1, createdAt: 1 } },
          )
          .toArray()),
      );
    }
    if (new Set(found.map((d) => d.orderId)).size >= acked.length || Date.now() > deadline) break;
    await sleep(1_000);
  }
  const ordersDb = mongo.db('orders').collection<{ _id: string; idempotencyKey: string }>('orders');
  const stored = new Map<string, { idempotencyKey: string }>();
  const keys = load.placements.map((p) => p.key);
  for (let i = 0; i < keys.length; i += 100)
    for (const o of await ordersDb
      .find(
        { idempotencyKey: { $in: keys.slice(i, i + 100) } },
        { projection: { idempotencyKey: 1 } },
      )
      .toArray())
      stored.set(String(o._id), o);
  const reservations = mongo
    .db('procurement')
    .collection<{ _id: string; status: string }>('reservations');
  const reserved = new Map<string, string>();
  for (let i = 0; i < acked.length; i += 100)
    for (const r of await reservations
      .find({ _id: { $in: acked.slice(i, i + 100) } }, { projection: { status: 1 } })
      .toArray())
      reserved.set(String(r._id), r.status);

  const perOrder = new Map<string, number>();
  for (const d of found) perOrder.set(d.orderId, (perOrder.get(d.orderId) ?? 0) + 1);
  const perKey = new Map<string, number>();
  for (const o of stored.values())
    perKey.set(o.idempotencyKey, (perKey.get(o.idempotencyKey) ?? 0) + 1);

  const lost = acked.filter((id) => !stored.has(id) || !reserved.has(id)).length;
  const stuck = acked.filter(
    (id) =>
      stored.has(id) &&
      reserved.has(id) &&
      (!perOrder.has(id) || !['confirmed', 'issued'].includes(reserved.get(id)!)),
  ).length;
  const duplicated =
    [...perOrder.values()].filter((n) => n > 1).length +
    [...perKey.values()].filter((n) => n > 1).length;
  const deadLettered = (await deadLetterCount()) - dltBefore;
  const last = Math.max(...found.map((d) => new Date(d.createdAt).getTime()), faultEnded);
  const complete = perOrder.size >= acked.length;
  const outcome: Outcome = {
    fault,
    driven: load.placements.length,
    acknowledged: acked.length,
    lost,
    duplicated,
    stuck,
    deadLettered,
    handedOver: 0,
    aftermathLost: 0,
    aftermathDuplicated: 0,
    eventsPublished: 0,
    duplicatePublications: 0,
    recoveryS: complete ? Math.max(0, (last - faultEnded) / 1000) : null,
    ok: false,
  };
  outcome.ok =
    lost === 0 && duplicated === 0 && stuck === 0 && deadLettered === 0 && acked.length > 0;
  return outcome;
}

// ---- faults ----------------------------------------------------------------------------------

interface Fault {
  name: string;
  /**
   * Runs while the load is on; resolves when the fault is over. Recovery counts from the time it
   * returns (the moment the broken part was started again), else from when it resolved.
   */
  inject: () => Promise<number | void>;
  /** Instances to drive orders to (default: the first instance of orders). */
  targets?: () => string[];
  before?: () => Promise<void>;
  after?: () => Promise<void>;
  /** Nothing is broken: not one event may be published twice. */
  steady?: boolean;
}

const instances = new Map<string, ServiceProcess>();
const proc = (svc: Service, instance = 0) => {
  const key = `${svc}#${instance}`;
  if (!instances.has(key)) instances.set(key, new ServiceProcess(svc, instance));
  return instances.get(key)!;
};

async function startAll(instance = 0): Promise<void> {
  for (const svc of SERVICES) if (!proc(svc, instance).running) proc(svc, instance).start();
  await Promise.all(SERVICES.map((svc) => proc(svc, instance).ready()));
}

function faults(): Fault[] {
  const list: Fault[] = [
    {
      name: 'kafka stopped and restarted',
      inject: async () => {
        infra(CLUSTER ? 'kafka-cluster' : 'kafka', 'stop');
        await sleep(OUTAGE_MS);
        infra(CLUSTER ? 'kafka-cluster' : 'kafka', 'start');
      },
    },
    {
      name: 'database stopped and restarted',
      inject: async () => {
        infra('mongo', 'stop');
        await sleep(OUTAGE_MS);
        infra('mongo', 'start');
      },
    },
    {
      name: 'database killed (SIGKILL) and restarted',
      inject: async () => {
        infra('mongo', 'kill');
        await sleep(OUTAGE_MS);
        infra('mongo', 'start');
      },
    },
    ...SERVICES.map((svc): Fault => ({
      name: `kill -9 ${svc}, restarted`,
      inject: async () => {
        proc(svc).kill9();
        await sleep(1_000);
        proc(svc).start();
        await proc(svc).ready();
      },
    })),
    {
      name: 'two instances of every service side by side (no fault)',
      steady: true,
      before: () => startAll(1),
      targets: () => [proc('orders', 0).url, proc('orders', 1).url],
      inject: () => sleep(OUTAGE_MS),
    },
    {
      name: 'two instances of every service, one of each killed',
      before: () => startAll(1),
      targets: () => [proc('orders', 0).url, proc('orders', 1).url],
      inject: async () => {
        await sleep(2_000);
        for (const svc of SERVICES) proc(svc, 1).kill9();
      },
    },
  ];
  if (CLUSTER)
    list.push({
      name: 'one broker of three killed',
      inject: async () => {
        infra('kafka-cluster', 'kill', '2');
        await sleep(OUTAGE_MS);
        infra('kafka-cluster', 'start');
      },
    });
  return list.filter((f) => !ONLY || ONLY.some((o) => f.name.includes(o)));
}

async function runFault(world: World, fault: Fault, index: number): Promise<Outcome> {
  await fault.before?.();
  const dltBefore = await deadLetterCount();
  const startedAt = Date.now();
  let faultEnded = Number.POSITIVE_INFINITY;
  const handOvers = new DeliveryDriver(
    () => proc('delivery').url,
    () => faultEnded + RECOVERY_LIMIT_MS,
  );
  const load = new Load(
    world,
    fault.targets ?? (() => [proc('orders').url]),
    `f${index}-${Date.now().toString(36)}`,
    (orderId, i) => i % 2 === 0 && handOvers.drive(orderId),
  );
  const driving = load.run(ORDERS, () => faultEnded + 60_000);
  await sleep(Math.min(3_000, (ORDERS / RATE_PER_S) * 300));
  log(`injecting: ${fault.name}`);
  faultEnded = (await fault.inject()) ?? Date.now();
  log(`fault over: ${fault.name}`);
  await driving;
  const outcome = await settle(fault.name, load, faultEnded, dltBefore);
  const failures = await handOvers.finished();
  if (failures.length) log(`hand-overs refused: ${failures.slice(0, 5).join('; ')}`);
  const aftermath = await countAftermath(mongo, [...handOvers.driven], RECOVERY_LIMIT_MS);
  const publications = await countPublications(kafka, admin, startedAt);
  if (publications.duplicates)
    log(`duplicate publications: ${JSON.stringify(publications.byType)}`);
  Object.assign(outcome, {
    handedOver: aftermath.delivered,
    aftermathLost: aftermath.lost,
    aftermathDuplicated: aftermath.duplicated,
    eventsPublished: publications.events,
    duplicatePublications: publications.duplicates,
  });
  outcome.ok &&=
    handOvers.driven.size > 0 &&
    failures.length === 0 &&
    aftermath.lost === 0 &&
    aftermath.duplicated === 0 &&
    publications.events > 0 &&
    (!fault.steady || publications.duplicates === 0);
  await fault.after?.();
  // Every instance back and ready before the next fault.
  for (const svc of SERVICES) await proc(svc).ready();
  return outcome;
}

function print(outcomes: Outcome[]): void {
  const rows = outcomes.map((o) => [
    o.ok ? 'ok  ' : 'FAIL',
    o.fault,
    String(o.driven),
    String(o.acknowledged),
    String(o.lost),
    String(o.duplicated),
    String(o.stuck),
    String(o.deadLettered),
    String(o.handedOver),
    String(o.aftermathLost),
    String(o.aftermathDuplicated),
    String(o.duplicatePublications),
    o.recoveryS === null ? 'none' : `${o.recoveryS.toFixed(1)} s`,
  ]);
  const head = [
    '',
    'fault',
    'driven',
    'acked',
    'lost',
    'dup',
    'stuck',
    'dlt',
    'handed over',
    'after lost',
    'after dup',
    'dup pub',
    'recovery',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  process.stdout.write(`\n${line(head)}\n${rows.map(line).join('\n')}\n`);
  process.stdout.write(
    [
      '',
      'lost / dup / stuck: acknowledged orders without, or with more than one, stored order,',
      '  reservation and delivery; dlt: messages dead-lettered during the fault',
      'handed over: deliveries driven by a driver to their hand-over (every other order);',
      '  after lost / dup: their stock issued, follow-ups (R-AS-13/14), returns or exchanges (R-DEL-4)',
      '  missing or doubled',
      'dup pub: extra copies of events published during the fault; at-least-once delivery may',
      '  resend after a crash (consumers drop them), so it must be 0 only where nothing broke',
      '',
    ].join('\n'),
  );
}

/** On the three-broker cluster the topics must hold three replicas, two of them in sync to write. */
async function assertReplicated(kafkaAdmin: Admin): Promise<void> {
  const { brokers } = await kafkaAdmin.describeCluster();
  if (brokers.length !== 3) throw new Error(`expected 3 brokers, found ${brokers.length}`);
  log(
    `cluster of ${brokers.length} brokers: ${brokers.map((b) => `${b.host}:${b.port}`).join(', ')}`,
  );
}

async function assertTopicsReplicated(kafkaAdmin: Admin): Promise<void> {
  const topic = 'orders.order.events';
  const { topics } = await kafkaAdmin.fetchTopicMetadata({ topics: [topic] });
  const replicas = topics[0].partitions.map((p) => p.replicas.length);
  const [config] = (
    await kafkaAdmin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: 2 /* TOPIC */, name: topic }],
    })
  ).resources;
  const minIsr = config.configEntries.find(
    (e) => e.configName === 'min.insync.replicas',
  )?.configValue;
  if (replicas.some((n) => n !== 3) || minIsr !== '2')
    throw new Error(`${topic}: replicas ${replicas.join(',')}, min.insync.replicas ${minIsr}`);
  log(`${topic}: replication factor 3 on every partition, min.insync.replicas=${minIsr}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  log(
    `mode ${FULL ? 'full' : 'ci'}: ${ORDERS} orders per fault at ${RATE_PER_S}/s, outage ${OUTAGE_MS} ms; Kafka ${KAFKA_BROKERS}, MongoDB ${MONGO_URL}, run dir ${RUN}`,
  );
  mongo = await MongoClient.connect(MONGO_URL, { serverSelectionTimeoutMS: 60_000 });
  kafka = new Kafka({
    clientId: 'fault-suite',
    brokers: KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 30 },
  });
  admin = kafka.admin();
  await admin.connect();
  if (CLUSTER) await assertReplicated(admin);
  await seedStock();
  await startAll(0);
  const world = await setUpWorld(proc('orders').url, proc('procurement').url, proc('delivery').url);
  if (CLUSTER) await assertTopicsReplicated(admin);
  log(`world ready: canteen ${world.canteenId}, lunch on ${world.monday}`);
  const outcomes: Outcome[] = [];
  const list = faults();
  for (const [i, fault] of list.entries()) {
    const o = await runFault(world, fault, i);
    log(`${o.ok ? 'ok' : 'FAIL'} ${o.fault}: ${JSON.stringify(o)}`);
    outcomes.push(o);
  }
  print(outcomes);
  process.stdout.write(
    `\n${list.length} faults in ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  await Promise.all([...instances.values()].map((p) => p.stop()));
  await admin.disconnect().catch(() => undefined);
  await mongo.close(true).catch(() => undefined);
  process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
}

main().catch(async (error: Error) => {
  log(`suite failed: ${error.stack ?? error.message}`);
  await Promise.all([...instances.values()].map((p) => p.stop()));
  process.exit(2);
});
