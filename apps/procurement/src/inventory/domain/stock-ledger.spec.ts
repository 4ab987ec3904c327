import { LedgerMove, moveId } from './lot';
import { LedgerEntry, rebuildStock } from './stock-ledger';

const t = (h: number) => new Date(Date.UTC(2026, 2, 9, h));

function anEntry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  const move: LedgerMove = {
    kind: 'receipt',
    onHandDelta: 100,
    availableDelta: 100,
    at: t(1),
    ref: 'rcpt-1',
  };
  return { moveId: 'lot-a:1', lotId: 'lot-a', sku: 'PORK-BELLY', ...move, ...overrides };
}

/** Receipt 100, reserve 40 and issue it, reserve 10 more: 60 on hand, 50 available. */
function aLedger(): LedgerEntry[] {
  return [
    anEntry(),
    anEntry({
      moveId: 'lot-a:2',
      kind: 'reservation',
      onHandDelta: 0,
      availableDelta: -40,
      holdDelta: 40,
      ref: 'ord-1',
      at: t(2),
    }),
    anEntry({
      moveId: 'lot-a:3',
      kind: 'issue',
      onHandDelta: -40,
      availableDelta: 0,
      holdDelta: -40,
      ref: 'ord-1',
      at: t(3),
    }),
    anEntry({
      moveId: 'lot-a:4',
      kind: 'reservation',
      onHandDelta: 0,
      availableDelta: -10,
      holdDelta: 10,
      ref: 'ord-2',
      at: t(4),
    }),
    anEntry({ moveId: 'lot-b:1', lotId: 'lot-b', at: t(5) }),
  ];
}

describe('stock ledger', () => {
  it('R-INV-4: on-hand and available per lot and per ingredient are rebuilt from the ledger alone', () => {
    const rebuilt = rebuildStock(aLedger());
    expect(rebuilt.byLot.get('lot-a')).toEqual({ onHand: 60, available: 50 });
    expect(rebuilt.byLot.get('lot-b')).toEqual({ onHand: 100, available: 100 });
    expect(rebuilt.bySku.get('PORK-BELLY')).toEqual({ onHand: 160, available: 150 });
  });

  it('R-INV-4: an ingredient without moves has no stock entry', () => {
    expect(rebuildStock(aLedger()).bySku.has('TOFU')).toBe(false);
  });

  it('R-INV-4: step ids use one safe charset whatever the order id looks like', () => {
    expect(moveId('reserve', 'ord.1$x', 2)).toBe('reserve:ord_1_x:2');
  });
});
