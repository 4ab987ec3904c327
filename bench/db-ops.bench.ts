/**
 * `npm run bench`: database operations per order, the project against its hand-written baseline.
 * Both reach the database through the same MongoDB driver, so counting its collection calls
 * (each one a round trip; cursor batches after the first not counted) counts both alike.
 * Measured at 10 orders/s, where nothing queues and each order costs what it costs alone.
 */
import 'reflect-metadata';
import { Collection } from 'mongodb';
import { startBaselinePipeline } from './support/baseline-pipeline';
import { runAtRate } from './support/load';
import { startProjectPipeline, type Pipeline } from './support/project-pipeline';

const OPERATIONS = [
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOne',
  'find',
  'findOneAndUpdate',
  'findOneAndDelete',
  'bulkWrite',
  'countDocuments',
  'aggregate',
] as const;

const counts = new Map<string, number>();
let counting = false;
/** `findOne` and `countDocuments` call `find` / `aggregate` themselves: one round trip, not two. */
let nested = false;
for (const op of OPERATIONS) {
  const proto = Collection.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const original = proto[op];
  proto[op] = function (this: Collection, ...args: unknown[]) {
    const key = `${this.collectionName}.${op}`;
    if (counting && !nested) counts.set(key, (counts.get(key) ?? 0) + 1);
    if (op !== 'findOne' && op !== 'countDocuments') return original.apply(this, args);
    nested = true;
    try {
      return original.apply(this, args); // the inner call happens before its first await
    } finally {
      nested = false;
    }
  };
}

async function perOrder(pipeline: Pipeline): Promise<{ total: number; top: string }> {
  await runAtRate(5, 2, pipeline.place, pipeline.completedAt); // warm-up
  counts.clear();
  counting = true;
  const run = await runAtRate(10, 5, pipeline.place, pipeline.completedAt);
  counting = false;
  const total = [...counts.values()].reduce((s, n) => s + n, 0) / run.completed;
  const top = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, n]) => `${k} ${(n / run.completed).toFixed(1)}`)
    .join(', ');
  return { total, top };
}

async function main(): Promise<void> {
  console.log('\n== database operations per order (10 orders/s for 5 s)');
  const baseline = await startBaselinePipeline();
  const base = await perOrder(baseline);
  await baseline.close();
  const project = await startProjectPipeline();
  const own = await perOrder(project);
  await project.close();
  console.log(`baseline ${base.total.toFixed(1)} per order (${base.top})`);
  console.log(`project  ${own.total.toFixed(1)} per order (${own.top})`);
  console.log(`ratio project / baseline ${(own.total / base.total).toFixed(2)}`);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
