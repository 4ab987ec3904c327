/** Open-loop load at a fixed offered rate, and the figures the benches print. */

export interface RunFigures {
  offered: number;
  placed: number;
  completed: number;
  throughput: number;
  http: number[];
  endToEnd: number[];
  errors: number;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const ms = (v: number) => (Number.isNaN(v) ? '   n/a' : `${v.toFixed(0).padStart(6)}`);

export function line(name: string, f: RunFigures): string {
  const t = (v: number[]) =>
    `${ms(percentile(v, 50))} ${ms(percentile(v, 95))} ${ms(percentile(v, 99))}`;
  return `${name.padEnd(26)} ${String(f.offered).padStart(4)}/s ${f.throughput.toFixed(1).padStart(7)}/s  http p50/95/99 ${t(f.http)} ms  e2e p50/95/99 ${t(f.endToEnd)} ms  ${f.completed}/${f.placed} done${f.errors ? `, ${f.errors} errors` : ''}`;
}

/**
 * Starts `place(i)` every 1000/rate ms for `seconds` without waiting for answers, then waits
 * until every placed order is `completed` (its delivery scheduled) or `drainMs` passes.
 * `place` resolves to the order id; `completedAt` holds, per id, the broker's timestamp (epoch ms)
 * of its "delivery scheduled" event, so a slow reader in the bench does not count against it.
 */
export async function runAtRate(
  rate: number,
  seconds: number,
  place: (i: number) => Promise<string>,
  completedAt: Map<string, number>,
  drainMs = 60_000,
): Promise<RunFigures> {
  const total = Math.round(rate * seconds);
  const sentAt = new Map<string, number>();
  const http: number[] = [];
  let errors = 0;
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = Date.now();
    inFlight.push(
      place(i).then(
        (id) => {
          http.push(Date.now() - t0);
          sentAt.set(id, t0);
        },
        () => {
          errors += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const until = Date.now() + drainMs;
  const done = () => [...sentAt.keys()].filter((id) => completedAt.has(id)).length;
  while (done() < sentAt.size && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const endToEnd = [...sentAt].flatMap(([id, t0]) =>
    completedAt.has(id) ? [completedAt.get(id)! - t0] : [],
  );
  const last = Math.max(...[...sentAt.keys()].map((id) => completedAt.get(id) ?? 0));
  return {
    offered: rate,
    placed: sentAt.size,
    completed: endToEnd.length,
    throughput: endToEnd.length / ((last - started) / 1000),
    http,
    endToEnd,
    errors,
  };
}
