/**
 * R-INV-2: a lot reaching its expiry is quarantined — nothing more is reserved from it — and then
 * written off with a reason. Both are ledger moves computed here from the lot's balances.
 */
import { DomainError } from '@app/common/errors/domain-error';
import { isExpired } from '../../goods-receipts/domain/lot-expiry';
import { LedgerMove, Lot } from './lot';

export function isDueForQuarantine(lot: Pick<Lot, 'status' | 'expiresAt'>, now: Date): boolean {
  return lot.status === 'available' && isExpired(lot.expiresAt, now);
}

export function quarantineMove(lot: Pick<Lot, 'available' | 'lotId'>, now: Date): LedgerMove {
  return {
    kind: 'quarantine',
    onHandDelta: 0,
    availableDelta: negate(lot.available),
    at: now,
    ref: lot.lotId,
    reason: 'expired',
  };
}

export function writeOffMove(
  lot: Pick<Lot, 'status' | 'onHand' | 'available' | 'lotId'> & { holds: Record<string, number> },
  reason: string,
  by: string,
  now: Date,
): LedgerMove {
  if (lot.status === 'written-off') {
    throw new DomainError(
      'LOT.ALREADY_WRITTEN_OFF',
      `lot ${lot.lotId} is already written off`,
      'conflict',
    );
  }
  const heldFor = Object.keys(lot.holds).filter((order) => (lot.holds[order] ?? 0) > 0);
  if (heldFor.length > 0) {
    // Reserved goods are issued or released first, so no order silently loses its stock.
    throw new DomainError(
      'LOT.STILL_RESERVED',
      `lot ${lot.lotId} is still reserved for orders ${heldFor.join(', ')}`,
      'conflict',
    );
  }
  if (!reason.trim()) {
    throw new DomainError('LOT.REASON_REQUIRED', 'a write-off needs a reason', 'invalid', [
      { field: 'reason', reason: 'is required' },
    ]);
  }
  return {
    kind: 'write-off',
    onHandDelta: negate(lot.onHand),
    availableDelta: negate(lot.available),
    at: now,
    ref: lot.lotId,
    reason,
    by,
  };
}

/** Avoids -0 in stored moves (it would compare unequal in tests and look odd in the ledger). */
function negate(n: number): number {
  return n === 0 ? 0 : -n;
}
