/**
 * R-INV-3 / R-INV-4: a lot's balances are the running totals of its ledger. Each move is appended
 * as number `seq + 1` after the head it was computed from; the store refuses a second move with
 * the same number, so two writers racing for the last units cannot both succeed — the loser
 * re-reads the new head and its guard decides again. The ledger is the stock: on-hand can be
 * rebuilt from it at any time (R-INV-4).
 */
import { LotStatus, MoveKind } from './lot';

export interface LotHead {
  seq: number;
  onHand: number;
  available: number;
  status: LotStatus;
}

export interface MoveChange {
  kind: MoveKind;
  onHandDelta: number;
  availableDelta: number;
  /** Change of what the move's order holds on the lot (reservation +, release / issue −). */
  holdDelta: number;
  statusAfter?: LotStatus;
  /** The move is refused unless the lot is in one of these states. */
  requireStatus?: LotStatus[];
}

export const EMPTY_HEAD: LotHead = { seq: 0, onHand: 0, available: 0, status: 'available' };

/** The head after the move, or undefined when the move would break an invariant. */
export function applyMove(head: LotHead, change: MoveChange): LotHead | undefined {
  if (change.requireStatus && !change.requireStatus.includes(head.status)) return undefined;
  const onHand = head.onHand + change.onHandDelta;
  const available = head.available + change.availableDelta;
  if (onHand < 0 || available < 0 || available > onHand) return undefined;
  return { seq: head.seq + 1, onHand, available, status: change.statusAfter ?? head.status };
}

/** What each order holds on a lot, from the lot's moves. */
export function holdsOf(moves: { ref: string; holdDelta?: number }[]): Record<string, number> {
  const holds: Record<string, number> = {};
  for (const m of moves) {
    if (!m.holdDelta) continue;
    holds[m.ref] = (holds[m.ref] ?? 0) + m.holdDelta;
  }
  return Object.fromEntries(Object.entries(holds).filter(([, q]) => q !== 0));
}
