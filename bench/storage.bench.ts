/**
 * `npm run bench`: the MongoDB-wire server as the project runs it (for the embedded server:
 * with its commit of every write), on the shapes the storage issue measured: racing guarded
 * updates and increments of one document, a guarded update and a unique-key find at 1k / 10k
 * documents, and a scan for comparison.
 */
import { MongoClient, type Document } from 'mongodb';

interface Doc extends Document {
  _id: string;
}

async function perOp(n: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await op(i);
  return (performance.now() - t0) / n;
}

async function main(): Promise<void> {
  const client = await MongoClient.connect(process.env.MONGO_URL!, { maxPoolSize: 100 });
  const db = client.db(`bench_test_storage_${Date.now()}`);
  const one = db.collection<Doc>('one');
  await one.insertOne({ _id: 'a', version: 0, n: 0 });
  const guarded = await Promise.all(
    Array.from({ length: 50 }, () =>
      one.updateOne({ _id: 'a', version: 0 }, { $inc: { version: 1 } }),
    ),
  );
  await Promise.all(
    Array.from({ length: 60 }, () => one.updateOne({ _id: 'a' }, { $inc: { n: 1 } })),
  );
  const n = (await one.findOne({ _id: 'a' }))?.n as number;
  console.log(`\n== storage (${process.env.MONGO_URL})`);
  console.log(
    `50 × updateOne({_id, version: 0}, {$inc: {version: 1}}) at once: ${guarded.filter((r) => r.modifiedCount === 1).length} winner(s)`,
  );
  console.log(`60 × $inc: {n: 1} at once: n = ${n}`);
  for (const size of [1_000, 10_000]) {
    const c = db.collection<Doc>(`docs${size}`);
    await c.createIndex({ code: 1 }, { unique: true });
    for (let i = 0; i < size; i += 2_000)
      await c.insertMany(
        Array.from({ length: Math.min(2_000, size - i) }, (_, j) => ({
          _id: `d${i + j}`,
          code: `c${i + j}`,
          version: 0,
          state: 'placed',
        })),
      );
    const update = await perOp(100, (i) =>
      c.updateOne({ _id: `d${i * 7}`, version: 0 }, { $inc: { version: 1 } }),
    );
    const find = await perOp(100, (i) => c.findOne({ code: `c${i * 9}` }));
    const scan = await perOp(20, () => c.findOne({ state: 'nowhere' }));
    console.log(
      `${String(size).padStart(6)} docs: guarded update ${update.toFixed(2)} ms, find by unique non-_id key ${find.toFixed(2)} ms, unindexed scan ${scan.toFixed(2)} ms`,
    );
  }
  await db.dropDatabase();
  await client.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
