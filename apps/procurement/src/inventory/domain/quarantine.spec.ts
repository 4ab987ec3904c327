import { Lot } from './lot';
import { isDueForQuarantine, quarantineMove, writeOffMove } from './quarantine';

const t = (h: number) => new Date(Date.UTC(2026, 2, 9, h));

function aLot(
  overrides: Partial<Lot & { holds: Record<string, number> }> = {},
): Lot & { holds: Record<string, number> } {
  return {
    lotId: 'lot-a',
    sku: 'MILK',
    receivedAt: t(1),
    expiresAt: t(72),
    quantityReceived: 100,
    onHand: 60,
    available: 50,
    status: 'available',
    holds: { 'ord-2': 10 },
    ...overrides,
  };
}

describe('quarantine and write-off', () => {
  it('R-INV-2: an expired lot is due for quarantine, which makes nothing more available', () => {
    expect(isDueForQuarantine(aLot(), t(71))).toBe(false);
    expect(isDueForQuarantine(aLot(), t(72))).toBe(true);
    expect(isDueForQuarantine(aLot({ status: 'quarantined' }), t(80))).toBe(false);
    expect(quarantineMove(aLot(), t(72))).toMatchObject({
      kind: 'quarantine',
      onHandDelta: 0,
      availableDelta: -50,
    });
  });

  it('R-INV-2: a quarantined lot is written off with a reason, but not while orders still hold it', () => {
    expect(() => writeOffMove(aLot({ status: 'quarantined' }), 'expired', 'u-wh', t(73))).toThrow(
      expect.objectContaining({ code: 'LOT.STILL_RESERVED' }),
    );
    const free = aLot({ status: 'quarantined', holds: {}, onHand: 50, available: 0 });
    expect(() => writeOffMove(free, ' ', 'u-wh', t(73))).toThrow(
      expect.objectContaining({ code: 'LOT.REASON_REQUIRED' }),
    );
    expect(writeOffMove(free, 'expired', 'u-wh', t(73))).toMatchObject({
      kind: 'write-off',
      onHandDelta: -50,
      availableDelta: 0,
      reason: 'expired',
    });
    expect(() => writeOffMove({ ...free, status: 'written-off' }, 'again', 'u-wh', t(74))).toThrow(
      expect.objectContaining({ code: 'LOT.ALREADY_WRITTEN_OFF' }),
    );
  });
});
