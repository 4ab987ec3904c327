import { applyMove, EMPTY_HEAD, holdsOf, LotHead, MoveChange } from './lot-head';

function aHead(overrides: Partial<LotHead> = {}): LotHead {
  return { seq: 4, onHand: 10, available: 3, status: 'available', ...overrides };
}
function aReservation(quantity: number): MoveChange {
  return {
    kind: 'reservation',
    onHandDelta: 0,
    availableDelta: -quantity,
    holdDelta: quantity,
    requireStatus: ['available'],
  };
}

describe('lot head', () => {
  it('R-INV-4: a receipt on an empty lot is move 1 with the received balances', () => {
    expect(
      applyMove(EMPTY_HEAD, { kind: 'receipt', onHandDelta: 10, availableDelta: 10, holdDelta: 0 }),
    ).toEqual({
      seq: 1,
      onHand: 10,
      available: 10,
      status: 'available',
    });
  });

  it('R-INV-3: a reservation of what is available is move seq + 1; one unit more is refused', () => {
    expect(applyMove(aHead(), aReservation(3))).toEqual({
      seq: 5,
      onHand: 10,
      available: 0,
      status: 'available',
    });
    expect(applyMove(aHead(), aReservation(4))).toBeUndefined();
  });

  it('R-INV-2: nothing is reserved from a quarantined lot', () => {
    expect(applyMove(aHead({ status: 'quarantined' }), aReservation(1))).toBeUndefined();
  });

  it('R-INV-3: no move may take on-hand below zero or leave more available than on hand', () => {
    expect(
      applyMove(aHead(), { kind: 'issue', onHandDelta: -11, availableDelta: 0, holdDelta: -11 }),
    ).toBeUndefined();
    expect(
      applyMove(aHead(), { kind: 'release', onHandDelta: 0, availableDelta: 8, holdDelta: -8 }),
    ).toBeUndefined();
  });

  it('R-ORD-4: holds per order are the sum of their moves; settled orders drop out', () => {
    expect(
      holdsOf([
        { ref: 'a', holdDelta: 3 },
        { ref: 'b', holdDelta: 2 },
        { ref: 'a', holdDelta: -3 },
        { ref: 'setup' },
      ]),
    ).toEqual({ b: 2 });
  });
});
