/**
 * The embedded server commits every write before it answers: a SIGKILL right after N
 * acknowledged writes loses none of them. Runs its own server (own port, own data file) so the
 * shared one the other suites use is never killed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';

const script = resolve(__dirname, '../../../../scripts/infra/mongo.sh');
const runDir = mkdtempSync(join(tmpdir(), 'ck-durability-'));
const port = String(28_000 + Math.floor(Math.random() * 1_000));
const env = { ...process.env, CENTRAL_KITCHEN_RUN: runDir, MONGO_PORT: port };
const server = (command: 'start' | 'kill' | 'stop') =>
  execFileSync('bash', [script, command], { env, stdio: ['ignore', 'ignore', 'pipe'] });
const url = `mongodb://127.0.0.1:${port}`;

afterAll(() => {
  server('stop');
  rmSync(runDir, { recursive: true, force: true });
});

it('the embedded server keeps every acknowledged write across a SIGKILL', async () => {
  server('start');
  const writer = await MongoClient.connect(url, { maxPoolSize: 20 });
  const orders = writer.db('test_durability').collection<{ _id: string; n: number }>('orders');
  const n = 500;
  await Promise.all(Array.from({ length: n }, (_, i) => orders.insertOne({ _id: `o${i}`, n: 0 })));
  await Promise.all(
    Array.from({ length: n }, (_, i) => orders.updateOne({ _id: `o${i}` }, { $inc: { n: 1 } })),
  );
  server('kill');
  await writer.close(true);

  server('start');
  const reader = await MongoClient.connect(url);
  try {
    const stored = reader.db('test_durability').collection<{ _id: string; n: number }>('orders');
    expect(await stored.countDocuments({})).toBe(n);
    expect(await stored.countDocuments({ n: 1 })).toBe(n);
  } finally {
    await reader.close(true);
  }
}, 60_000);
