/**
 * R-INV-1 / R-INV-4: a lot of one ingredient from one receipt. `onHand` is what physically
 * sits in the warehouse, `available` what is not yet reserved. Both only ever change through a
 * ledger move (see lot-head.ts), so the ledger's sums ARE the balances.
 */
export type LotStatus = 'available' | 'quarantined' | 'written-off';

export const MOVE_KINDS = [
  'receipt',
  'reservation',
  'release',
  'issue',
  'quarantine',
  'write-off',
  'return-to-supplier',
] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

export interface LedgerMove {
  kind: MoveKind;
  onHandDelta: number;
  availableDelta: number;
  /** What the move's order (`ref`) holds on the lot changes by this much. */
  holdDelta?: number;
  at: Date;
  /** Order, receipt, return… the move belongs to. */
  ref: string;
  by?: string;
  reason?: string;
}

export interface Lot {
  lotId: string;
  sku: string;
  supplierId?: string;
  purchaseOrderId?: string;
  /** Set for goods taken back from a canteen (R-AS-7). */
  returnId?: string;
  receivedAt: Date;
  expiresAt: Date;
  quantityReceived: number;
  onHand: number;
  available: number;
  status: LotStatus;
}

export interface Balances {
  onHand: number;
  available: number;
}

export function balancesOf(moves: Iterable<LedgerMove>): Balances {
  let onHand = 0;
  let available = 0;
  for (const m of moves) {
    onHand += m.onHandDelta;
    available += m.availableDelta;
  }
  return { onHand, available };
}

/** Deterministic ids of business steps ("reserve:<order>:<attempt>:<step>"), one charset. */
export function moveId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '_')).join(':');
}
