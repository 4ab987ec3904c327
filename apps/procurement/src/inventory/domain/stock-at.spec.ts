import type { LedgerEntry } from './stock-ledger';
import { stockAt } from './stock-at';

const at = new Date('2026-03-09T00:00:00Z');
let seq = 0;
function move(
  lotId: string,
  sku: string,
  onHandDelta: number,
  availableDelta: number,
): LedgerEntry {
  seq += 1;
  return {
    moveId: `${lotId}:${seq}`,
    lotId,
    sku,
    kind: onHandDelta > 0 ? 'receipt' : 'reservation',
    onHandDelta,
    availableDelta,
    at,
    ref: 'r',
  };
}

describe('stock at read time', () => {
  const entries = [
    move('tofu-old', 'TOFU', 500, 500),
    move('tofu-old', 'TOFU', 0, -200), // reserved for an order
    move('tofu-new', 'TOFU', 1_000, 1_000),
    move('rice', 'RICE', 3_000, 3_000),
  ];
  const expiry = new Map([
    ['tofu-old', new Date('2026-03-10T16:00:00Z')],
    ['tofu-new', new Date('2026-03-14T16:00:00Z')],
    ['rice', new Date('2026-09-01T16:00:00Z')],
  ]);

  it('R-INV-2: before the best-before every lot counts as available', () => {
    expect(stockAt(entries, expiry, new Date('2026-03-10T15:59:59Z'))).toEqual([
      { sku: 'RICE', onHand: 3_000, available: 3_000, expired: 0 },
      { sku: 'TOFU', onHand: 1_500, available: 1_300, expired: 0 },
    ]);
  });

  it('R-INV-2: from the best-before on a lot is not available though no sweep quarantined it', () => {
    expect(stockAt(entries, expiry, new Date('2026-03-10T16:00:00Z'))).toEqual([
      { sku: 'RICE', onHand: 3_000, available: 3_000, expired: 0 },
      { sku: 'TOFU', onHand: 1_500, available: 1_000, expired: 500 },
    ]);
  });

  it('R-INV-4: on-hand stays the ledger sum whatever has expired', () => {
    const later = stockAt(entries, expiry, new Date('2027-01-01T00:00:00Z'));
    expect(later.map((f) => [f.sku, f.onHand, f.available, f.expired])).toEqual([
      ['RICE', 3_000, 0, 3_000],
      ['TOFU', 1_500, 0, 1_500],
    ]);
  });
});
