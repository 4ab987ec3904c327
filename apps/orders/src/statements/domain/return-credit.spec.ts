import { amountAtExactPrice } from '@app/common/money/exact-price';
import type { OrderLine } from '../../orders/domain/order';
import { anOrder } from '../../testing/domain-factories';
import { creditedQuantities, creditForReturn } from './return-credit';

const awkward = (lineId: string, quantity: number, baseFen: number, perQuantity: number) => {
  const price = { baseFen, perQuantity, markupBp: 750 };
  const line: OrderLine = {
    lineId,
    kind: 'ingredient',
    itemId: lineId,
    name: lineId,
    quantity,
    unit: 'g',
    price,
    amountFen: amountAtExactPrice(quantity, {
      priceFen: baseFen,
      priceUnitQuantity: perQuantity,
      markupBp: 750,
    }),
  };
  return line;
};

describe('return credits at exact prices', () => {
  const order = anOrder({
    lines: [
      awkward('L1', 333, 1_234, 1_000),
      awkward('L2', 1_667, 899, 500),
      awkward('L3', 2_501, 2_999, 1_000),
    ],
  });
  const approvedAt = new Date('2026-12-08T02:00:00Z');
  const aReturn = (returnId: string, lines: { lineId: string; quantity: number }[]) => ({
    returnId,
    canteenId: order.canteenId,
    originalOrderId: order.orderId,
    approvedAt,
    lines,
  });

  it('R-AS-6: a line returned in two parts is credited exactly what it was charged', () => {
    const first = creditForReturn(order, aReturn('r1', [{ lineId: 'L1', quantity: 111 }]));
    const second = creditForReturn(
      order,
      aReturn('r2', [{ lineId: 'L1', quantity: 222 }]),
      creditedQuantities([first]),
    );
    expect(first.amountFen + second.amountFen).toBe(order.lines[0].amountFen);
    // 111 g alone is 147.25 fen → 147; the remaining 222 g get the rest of the 442 charged.
    expect([first.amountFen, second.amountFen]).toEqual([147, 295]);
  });

  it('R-AS-6: returning all three awkward lines credits the order total to the fen', () => {
    const credit = creditForReturn(
      order,
      aReturn(
        'r3',
        order.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
      ),
    );
    expect(credit.amountFen).toBe(order.lines.reduce((s, l) => s + l.amountFen, 0));
    expect(credit.lines.map((l) => l.amountFen)).toEqual(order.lines.map((l) => l.amountFen));
  });

  it('counts what earlier credits returned per line', () => {
    expect(
      creditedQuantities([
        {
          lines: [
            { lineId: 'L1', quantity: 5 },
            { lineId: 'L2', quantity: 1 },
          ],
        },
        { lines: [{ lineId: 'L1', quantity: 7 }] },
      ]),
    ).toEqual(
      new Map([
        ['L1', 12],
        ['L2', 1],
      ]),
    );
  });
});
