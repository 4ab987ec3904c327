/**
 * `npm run bench`, the main job: canteens place orders over HTTP (dishes of the published menu
 * and raw ingredients), procurement reserves FIFO, orders confirms, delivery schedules with its
 * deadline. At each offered rate it prints sustained throughput and p50/p95/p99 of the HTTP
 * answer and of place-order → delivery scheduled, for the project and for a hand-written
 * baseline doing the same hops, and the ratio project / baseline.
 */
import 'reflect-metadata';
import { startBaselinePipeline } from './support/baseline-pipeline';
import { line, percentile, runAtRate, type RunFigures } from './support/load';
import { startProjectPipeline, type Pipeline } from './support/project-pipeline';

const RATES = (process.env.BENCH_RATES ?? '10,25,50,100').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function measure(pipeline: Pipeline): Promise<RunFigures[]> {
  await runAtRate(5, 2, pipeline.place, pipeline.completedAt); // warm-up
  const figures: RunFigures[] = [];
  for (const rate of RATES) {
    const f = await runAtRate(rate, SECONDS, pipeline.place, pipeline.completedAt);
    console.log(line(pipeline.name, f));
    figures.push(f);
  }
  return figures;
}

async function main(): Promise<void> {
  console.log(`\n== order pipeline: ${SECONDS} s at each offered rate (orders/s)`);
  const baseline = await startBaselinePipeline();
  const base = await measure(baseline);
  await baseline.close();
  const project = await startProjectPipeline();
  const own = await measure(project);
  await project.close();

  console.log('\nratio project / baseline');
  for (const [i, rate] of RATES.entries()) {
    const r = (a: number, b: number) => (a / b).toFixed(2);
    console.log(
      `${String(rate).padStart(4)}/s  throughput ${r(own[i].throughput, base[i].throughput)}  http p50 ${r(percentile(own[i].http, 50), percentile(base[i].http, 50))}  e2e p50 ${r(percentile(own[i].endToEnd, 50), percentile(base[i].endToEnd, 50))}  e2e p99 ${r(percentile(own[i].endToEnd, 99), percentile(base[i].endToEnd, 99))}`,
    );
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
