import { KeyedLocks } from './keyed-locks';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('keyed locks', () => {
  it('runs the callers of one key one at a time, in arrival order', async () => {
    const locks = new KeyedLocks();
    const seen: string[] = [];
    let inside = 0;
    let most = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        locks.run(['lot-1'], async () => {
          most = Math.max(most, ++inside);
          seen.push(name);
          await tick();
          inside--;
        }),
      ),
    );
    expect([most, seen]).toEqual([1, ['a', 'b', 'c']]);
    expect(locks.size).toBe(0);
  });

  it('lets callers of different keys run side by side', async () => {
    const locks = new KeyedLocks();
    let inside = 0;
    let most = 0;
    await Promise.all(
      ['lot-1', 'lot-2'].map((key) =>
        locks.run([key], async () => {
          most = Math.max(most, ++inside);
          await tick();
          inside--;
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it('two callers naming the same keys in opposite orders both finish', async () => {
    const locks = new KeyedLocks();
    const done = await Promise.all([
      locks.run(['x', 'y'], async () => {
        await tick();
        return 1;
      }),
      locks.run(['y', 'x'], async () => {
        await tick();
        return 2;
      }),
    ]);
    expect(done).toEqual([1, 2]);
  });

  it('a failing caller releases its keys', async () => {
    const locks = new KeyedLocks();
    await expect(
      locks.run(['lot-1'], async () => {
        throw new Error('insert failed');
      }),
    ).rejects.toThrow('insert failed');
    await expect(locks.run(['lot-1'], async () => 'next')).resolves.toBe('next');
    expect(locks.size).toBe(0);
  });
});
