import { DomainError } from '@app/common/errors/domain-error';
import { anOrder, MONDAY_10_00, NOW } from '../../testing/domain-factories';
import { placeOrder } from './order-lifecycle';
import { replacementFor, type ApprovedExchange } from './replacement-order';

function anExchange(overrides: Partial<ApprovedExchange> = {}): ApprovedExchange {
  return {
    exchangeId: 'ex-1',
    canteenId: 'canteen-1',
    originalOrderId: 'order-1',
    needBy: MONDAY_10_00,
    lines: [{ lineId: 'L2', quantity: 1000 }],
    ...overrides,
  };
}

describe('replacement orders', () => {
  it('R-AS-6: an exchange becomes an urgent order at no charge, due by the canteen’s time', () => {
    const priced = replacementFor(anOrder(), anExchange());
    expect(priced).toMatchObject({ urgent: true, needBy: MONDAY_10_00, totalFen: 0 });
    expect(priced.lines).toEqual([
      expect.objectContaining({
        lineId: 'L1',
        itemId: 'RICE',
        quantity: 1000,
        amountFen: 0,
        notes: 'replaces order-1/L2',
      }),
    ]);
    expect(priced.ingredientDemand).toEqual([{ sku: 'RICE', quantity: 1000 }]);
  });

  it('R-AS-6: the replacement is linked to the original and its exchange in the placed event', () => {
    const priced = replacementFor(
      anOrder(),
      anExchange({ lines: [{ lineId: 'L1', quantity: 2 }] }),
    );
    const { events } = placeOrder(
      {
        orderId: 'r-1',
        canteenId: 'canteen-1',
        priced,
        replacementFor: { exchangeId: 'ex-1', originalOrderId: 'order-1' },
      },
      NOW,
    );
    expect(events[0].payload).toMatchObject({
      urgent: true,
      needBy: MONDAY_10_00.toISOString(),
      replacementForExchangeId: 'ex-1',
      ingredientDemand: [
        { sku: 'PORK-BELLY', quantity: 300 },
        { sku: 'SOY-SAUCE', quantity: 20 },
      ],
      lines: [expect.objectContaining({ unitPriceFen: 0 })],
    });
  });

  it('R-AS-6: an exchange naming a line the order does not have is refused', () => {
    expect(() =>
      replacementFor(anOrder(), anExchange({ lines: [{ lineId: 'L9', quantity: 1 }] })),
    ).toThrow(expect.objectContaining({ code: 'ORDER.EXCHANGE_UNKNOWN_LINE' }));
    expect(() => replacementFor(anOrder(), anExchange({ canteenId: 'other' }))).toThrow(
      DomainError,
    );
  });
});
