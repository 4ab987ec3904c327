import { anOrder, MONDAY_10_00 } from '../../testing/domain-factories';
import type { Order } from '../../orders/domain/order';
import { computeStatement, monthRange } from './canteen-statement';
import { creditForReturn, type ApprovedReturn } from './return-credit';

function aDeliveredOrder(orderId: string, deliveredAt: Date, acceptedAmountFen: number): Order {
  return anOrder({
    orderId,
    status: 'delivered',
    delivery: { deliveryId: `d-${orderId}`, deliveredAt, lines: [], acceptedAmountFen },
  });
}

function aReturn(overrides: Partial<ApprovedReturn> = {}): ApprovedReturn {
  return {
    returnId: 'ret-1',
    canteenId: 'canteen-1',
    originalOrderId: 'order-1',
    approvedAt: new Date('2026-12-08T02:00:00Z'),
    lines: [{ lineId: 'L1', quantity: 2 }],
    ...overrides,
  };
}

describe('canteen statement', () => {
  it('R-AS-6: a return is credited at the original line’s unit price', () => {
    const credit = creditForReturn(
      anOrder(),
      aReturn({
        lines: [
          { lineId: 'L1', quantity: 2 },
          { lineId: 'L2', quantity: 1000 },
        ],
      }),
    );
    expect(credit).toMatchObject({ month: '2026-12', amountFen: 2 * 1500 + 500 });
  });

  it('R-AS-6: a return naming an unknown line or another canteen is refused', () => {
    expect(() =>
      creditForReturn(anOrder(), aReturn({ lines: [{ lineId: 'L7', quantity: 1 }] })),
    ).toThrow(expect.objectContaining({ code: 'STATEMENT.RETURN_UNKNOWN_LINE' }));
    expect(() => creditForReturn(anOrder(), aReturn({ canteenId: 'canteen-2' }))).toThrow(
      expect.objectContaining({ code: 'STATEMENT.RETURN_MISMATCH' }),
    );
  });

  it('R-AS-6: the month bills delivered goods minus credits from approved returns', () => {
    const orders = [
      aDeliveredOrder('o-1', MONDAY_10_00, 62_500),
      aDeliveredOrder('o-2', new Date('2026-11-30T15:59:00Z'), 1000), // 30 Nov 23:59 Shanghai
      aDeliveredOrder('o-3', new Date('2026-11-30T16:00:00Z'), 2000), // 1 Dec 00:00 Shanghai
      anOrder({ orderId: 'o-4', status: 'confirmed' }),
    ];
    const credits = [
      creditForReturn(anOrder(), aReturn()),
      creditForReturn(
        anOrder(),
        aReturn({ returnId: 'ret-nov', approvedAt: new Date('2026-11-20T02:00:00Z') }),
      ),
    ];
    const statement = computeStatement('canteen-1', '2026-12', orders, credits);
    expect(statement.deliveries.map((d) => d.orderId)).toEqual(['o-3', 'o-1']);
    expect(statement.credits.map((c) => c.returnId)).toEqual(['ret-1']);
    expect(statement).toMatchObject({
      deliveredFen: 64_500,
      creditedFen: 3000,
      balanceFen: 61_500,
    });
  });

  it('R-AS-6: another canteen’s deliveries never appear on a statement', () => {
    const other = { ...aDeliveredOrder('o-9', MONDAY_10_00, 999), canteenId: 'canteen-2' };
    expect(computeStatement('canteen-1', '2026-12', [other], []).deliveredFen).toBe(0);
  });

  it('R-AS-6: statement months are Asia/Shanghai calendar months', () => {
    expect(monthRange('2026-12')).toEqual({
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
    expect(() => monthRange('2026-13')).toThrow(
      expect.objectContaining({ code: 'STATEMENT.INVALID_MONTH' }),
    );
  });
});
