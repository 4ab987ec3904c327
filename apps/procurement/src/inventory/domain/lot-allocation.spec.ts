import { aLot, day, now } from '../../testing/domain-factories';
import { allocate, mergeDemand, usableUntilFor } from './lot-allocation';

describe('lot allocation', () => {
  it('R-INV-2: FIFO takes the oldest received lot first and spills into the next', () => {
    const lots = [
      aLot({ lotId: 'new', receivedAt: day(-1) }),
      aLot({ lotId: 'old', receivedAt: day(-4), available: 300 }),
    ];
    expect(allocate('PORK-BELLY', 500, lots, 'fifo', now)).toEqual({
      allocations: [
        { lotId: 'old', sku: 'PORK-BELLY', quantity: 300 },
        { lotId: 'new', sku: 'PORK-BELLY', quantity: 200 },
      ],
      missing: 0,
    });
  });

  it('R-INV-2: FEFO takes the lot expiring first even when it arrived later', () => {
    const lots = [
      aLot({ lotId: 'old-long', receivedAt: day(-4), expiresAt: day(10) }),
      aLot({ lotId: 'new-short', receivedAt: day(-1), expiresAt: day(2) }),
    ];
    expect(allocate('PORK-BELLY', 100, lots, 'fefo', now).allocations.map((a) => a.lotId)).toEqual([
      'new-short',
    ]);
    expect(allocate('PORK-BELLY', 100, lots, 'fifo', now).allocations.map((a) => a.lotId)).toEqual([
      'old-long',
    ]);
  });

  it('R-INV-2: an expired lot is never used, however old', () => {
    const lots = [
      aLot({ lotId: 'expired', receivedAt: day(-9), expiresAt: now }),
      aLot({ lotId: 'good', available: 50 }),
    ];
    expect(allocate('PORK-BELLY', 80, lots, 'fifo', now)).toEqual({
      allocations: [{ lotId: 'good', sku: 'PORK-BELLY', quantity: 50 }],
      missing: 30,
    });
  });

  it('R-INV-2: a lot that expires before the delivery time is skipped too', () => {
    const lots = [
      aLot({ lotId: 'expires-tomorrow', expiresAt: day(1), receivedAt: day(-5) }),
      aLot({ lotId: 'lasts' }),
    ];
    expect(
      allocate('PORK-BELLY', 10, lots, 'fifo', day(2)).allocations.map((a) => a.lotId),
    ).toEqual(['lasts']);
  });

  it('R-INV-2: quarantined and empty lots and other ingredients are not candidates', () => {
    const lots = [
      aLot({ lotId: 'q', status: 'quarantined' }),
      aLot({ lotId: 'empty', available: 0 }),
      aLot({ lotId: 'cabbage', sku: 'CABBAGE' }),
    ];
    expect(allocate('PORK-BELLY', 10, lots, 'fifo', now)).toEqual({ allocations: [], missing: 10 });
  });

  it('R-INV-2: FIFO ties on received time are broken by lot id so every instance plans alike', () => {
    const lots = [aLot({ lotId: 'b', available: 5 }), aLot({ lotId: 'a', available: 5 })];
    expect(allocate('PORK-BELLY', 6, lots, 'fifo', now).allocations.map((a) => a.lotId)).toEqual([
      'a',
      'b',
    ]);
  });

  it('R-ORD-2: demand lines of the same ingredient add up; the usable-until time is the latest of delivery times and now', () => {
    expect(
      mergeDemand([
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 0 },
        { sku: 'A', quantity: 3 },
      ]),
    ).toEqual([{ sku: 'A', quantity: 5 }]);
    expect(usableUntilFor(now, undefined, day(1).toISOString())).toEqual(day(1));
    expect(usableUntilFor(now, day(-1))).toEqual(now);
  });
});
