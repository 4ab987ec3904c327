/**
 * In-process locks by key. `run` holds every key it names while `work` runs; keys are taken in
 * sorted order, so two callers naming the same keys cannot deadlock. Callers of one key run in
 * arrival order. Only this process waits: other instances are kept apart by the store's keys.
 */
export class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    const releases: (() => void)[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
      return await work();
    } finally {
      for (const release of releases) release();
    }
  }

  /** Keys held or waited for right now (the map never outgrows what is in flight). */
  get size(): number {
    return this.tails.size;
  }

  private async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
