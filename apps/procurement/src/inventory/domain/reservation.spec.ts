import {
  actionForOrderFacts,
  assertReleasable,
  backorderRetryOrder,
  isIssuable,
  Reservation,
  shortageBySku,
} from './reservation';

function aReservation(overrides: Partial<Reservation> = {}): Reservation {
  return {
    orderId: 'ord-1',
    revision: 1,
    placedAt: new Date('2026-03-09T01:00:00Z'),
    usableUntil: new Date('2026-03-10T03:00:00Z'),
    demand: [{ sku: 'PORK-BELLY', quantity: 500 }],
    status: 'confirmed',
    allocations: [{ lotId: 'lot-a', sku: 'PORK-BELLY', quantity: 500 }],
    missing: [],
    ...overrides,
  };
}

describe('reservation', () => {
  it('R-ORD-2: a first placement reserves; a redelivered or older revision is ignored', () => {
    expect(actionForOrderFacts(undefined, 1)).toBe('reserve');
    expect(actionForOrderFacts(aReservation({ revision: 2 }), 2)).toBe('ignore');
    expect(actionForOrderFacts(aReservation({ revision: 2 }), 1)).toBe('ignore');
  });

  it('R-ORD-4: a newer revision of a confirmed or backordered order re-reserves', () => {
    expect(actionForOrderFacts(aReservation(), 2)).toBe('re-reserve');
    expect(actionForOrderFacts(aReservation({ status: 'backordered' }), 2)).toBe('re-reserve');
  });

  it('R-ORD-4: facts arriving after cancellation or issue change nothing', () => {
    expect(actionForOrderFacts(aReservation({ status: 'released' }), 3)).toBe('ignore');
    expect(actionForOrderFacts(aReservation({ status: 'issued' }), 3)).toBe('ignore');
  });

  it('R-ORD-4: issued goods cannot be released; only confirmed reservations are issued', () => {
    expect(() => assertReleasable(aReservation({ status: 'issued' }))).toThrow(
      expect.objectContaining({ code: 'RESERVATION.ALREADY_ISSUED' }),
    );
    expect(isIssuable(aReservation())).toBe(true);
    expect(isIssuable(aReservation({ status: 'backordered' }))).toBe(false);
  });

  it('R-INV-3: backorders are retried in order of placement', () => {
    const later = aReservation({ orderId: 'b', placedAt: new Date('2026-03-09T02:00:00Z') });
    const earlier = aReservation({ orderId: 'c', placedAt: new Date('2026-03-09T00:30:00Z') });
    expect(backorderRetryOrder([later, earlier]).map((r) => r.orderId)).toEqual(['c', 'b']);
  });

  it('R-ORD-2: the shortage view sums backordered missing quantities per ingredient', () => {
    const rs = [
      aReservation({
        orderId: 'a',
        status: 'backordered',
        missing: [
          { sku: 'TOFU', quantity: 3 },
          { sku: 'CABBAGE', quantity: 1 },
        ],
      }),
      aReservation({
        orderId: 'b',
        status: 'backordered',
        missing: [{ sku: 'TOFU', quantity: 2 }],
      }),
      aReservation({ orderId: 'c', status: 'released', missing: [{ sku: 'TOFU', quantity: 99 }] }),
    ];
    expect(shortageBySku(rs)).toEqual([
      { sku: 'CABBAGE', quantity: 1, orders: 1 },
      { sku: 'TOFU', quantity: 5, orders: 2 },
    ]);
  });
});
