import { aLot, day, now } from '../../testing/domain-factories';
import { Allocation, LotCandidate } from './lot-allocation';
import { LotPort, reserveAllOrNothing } from './reserve-all-or-nothing';

/** Lots in memory; every call yields first, so concurrent callers interleave as over a network. */
function inMemoryLots(
  lots: LotCandidate[],
): LotPort & { lots: LotCandidate[]; takes: number; givebacks: number } {
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
  const store = {
    lots: lots.map((l) => ({ ...l })),
    takes: 0,
    givebacks: 0,
    async candidates(sku: string) {
      await tick();
      return store.lots.filter((l) => l.sku === sku).map((l) => ({ ...l }));
    },
    async take(takes: { allocation: Allocation }[]) {
      await tick();
      return takes.map(({ allocation: a }) => {
        const lot = store.lots.find((l) => l.lotId === a.lotId)!;
        if (lot.available < a.quantity) return false; // the conditional update's guard
        lot.available -= a.quantity;
        store.takes++;
        return true;
      });
    },
    async giveBack(a: Allocation) {
      await tick();
      store.lots.find((l) => l.lotId === a.lotId)!.available += a.quantity;
      store.givebacks++;
    },
  };
  return store;
}

describe('reserve all or nothing', () => {
  it('R-INV-3: an order fully covered is confirmed with its lots', async () => {
    const lots = inMemoryLots([
      aLot({ lotId: 'a', available: 4 }),
      aLot({ lotId: 'b', available: 10, receivedAt: day(-1) }),
    ]);
    await expect(
      reserveAllOrNothing([{ sku: 'PORK-BELLY', quantity: 6 }], () => 'fifo', now, lots),
    ).resolves.toEqual({
      status: 'confirmed',
      allocations: [
        { lotId: 'a', sku: 'PORK-BELLY', quantity: 4 },
        { lotId: 'b', sku: 'PORK-BELLY', quantity: 2 },
      ],
    });
  });

  it('R-INV-3: an order that cannot be covered is backordered with every missing quantity and gives back what it took', async () => {
    const lots = inMemoryLots([
      aLot({ available: 10 }),
      aLot({ lotId: 'c', sku: 'CABBAGE', available: 1 }),
    ]);
    const outcome = await reserveAllOrNothing(
      [
        { sku: 'PORK-BELLY', quantity: 5 },
        { sku: 'CABBAGE', quantity: 3 },
        { sku: 'TOFU', quantity: 2 },
      ],
      () => 'fifo',
      now,
      lots,
    );
    expect(outcome).toEqual({
      status: 'backordered',
      missing: [
        { sku: 'CABBAGE', quantity: 2 },
        { sku: 'TOFU', quantity: 2 },
      ],
    });
    expect(lots.lots.map((l) => l.available)).toEqual([10, 1]);
  });

  it('R-INV-3: 60 concurrent orders for the last 50 units reserve exactly 50, never below zero', async () => {
    const lots = inMemoryLots([
      aLot({ lotId: 'a', available: 20 }),
      aLot({ lotId: 'b', available: 30, receivedAt: day(-1) }),
    ]);
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, () =>
        reserveAllOrNothing([{ sku: 'PORK-BELLY', quantity: 1 }], () => 'fifo', now, lots),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'confirmed')).toHaveLength(50);
    expect(outcomes.filter((o) => o.status === 'backordered')).toHaveLength(10);
    expect(lots.lots.map((l) => l.available)).toEqual([0, 0]);
  });

  it('R-INV-3: concurrent multi-unit orders never oversell; the confirmed total is what existed', async () => {
    const lots = inMemoryLots([
      aLot({ lotId: 'a', available: 7 }),
      aLot({ lotId: 'b', available: 6, receivedAt: day(-1) }),
    ]);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        reserveAllOrNothing(
          [{ sku: 'PORK-BELLY', quantity: (i % 3) + 1 }],
          () => 'fifo',
          now,
          lots,
        ),
      ),
    );
    const confirmed = outcomes.flatMap((o) => (o.status === 'confirmed' ? o.allocations : []));
    const reserved = confirmed.reduce((s, a) => s + a.quantity, 0);
    expect(reserved + lots.lots.reduce((s, l) => s + l.available, 0)).toBe(13);
    expect(lots.lots.every((l) => l.available >= 0)).toBe(true);
    outcomes.forEach((o, i) => {
      if (o.status === 'confirmed')
        expect(o.allocations.reduce((s, a) => s + a.quantity, 0)).toBe((i % 3) + 1);
    });
  });

  it('R-INV-3: a shortage seen when the order is planned takes no stock at all', async () => {
    const lots = inMemoryLots([
      aLot({ available: 10 }),
      aLot({ lotId: 'c', sku: 'CABBAGE', available: 1 }),
    ]);
    await reserveAllOrNothing(
      [
        { sku: 'PORK-BELLY', quantity: 5 },
        { sku: 'CABBAGE', quantity: 3 },
      ],
      () => 'fifo',
      now,
      lots,
    );
    expect([lots.takes, lots.givebacks]).toEqual([0, 0]);
  });

  it('R-INV-3: an ingredient lost to another order after planning gives back what the others took', async () => {
    const lots = inMemoryLots([
      aLot({ lotId: 'p', available: 10 }),
      aLot({ lotId: 'c', sku: 'CABBAGE', available: 3 }),
    ]);
    const take = lots.take.bind(lots);
    lots.take = async (takes) => {
      lots.lots.find((l) => l.lotId === 'c')!.available = 0; // a rival took the cabbage
      return take(takes);
    };
    const outcome = await reserveAllOrNothing(
      [
        { sku: 'PORK-BELLY', quantity: 5 },
        { sku: 'CABBAGE', quantity: 3 },
      ],
      () => 'fifo',
      now,
      lots,
    );
    expect(outcome).toEqual({ status: 'backordered', missing: [{ sku: 'CABBAGE', quantity: 3 }] });
    expect(lots.lots.find((l) => l.lotId === 'p')!.available).toBe(10);
    expect(lots.givebacks).toBe(1);
  });

  it('R-INV-3: the ingredients of one order are read side by side and taken in one call', async () => {
    const lots = inMemoryLots(
      ['A', 'B', 'C', 'D'].map((sku) => aLot({ lotId: sku, sku, available: 5 })),
    );
    const calls: number[] = [];
    const take = lots.take.bind(lots);
    lots.take = async (takes) => {
      calls.push(takes.length);
      return take(takes);
    };
    const outcome = await reserveAllOrNothing(
      ['D', 'A', 'C', 'B'].map((sku) => ({ sku, quantity: 2 })),
      () => 'fifo',
      now,
      lots,
    );
    expect(calls).toEqual([4]);
    expect(outcome.status === 'confirmed' && outcome.allocations.map((a) => a.sku)).toEqual([
      'D',
      'A',
      'C',
      'B',
    ]);
  });
});
