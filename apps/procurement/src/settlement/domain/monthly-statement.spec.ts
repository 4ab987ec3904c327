import { fromShanghai } from '@app/common/clock/business-time';
import { monthlyStatement, SettlementEntry } from './monthly-statement';

function anEntry(overrides: Partial<SettlementEntry> = {}): SettlementEntry {
  return {
    kind: 'received',
    at: fromShanghai(2026, 3, 10, 9),
    sku: 'PORK-BELLY',
    quantity: 10_000,
    priceFen: 2800,
    priceUnitQuantity: 1000,
    ref: 'po-1',
    ...overrides,
  };
}

describe('monthly statement', () => {
  it('R-PROC-6: received goods at approved prices minus goods returned to the supplier', () => {
    const statement = monthlyStatement('SUP-1', '2026-03', [
      anEntry(),
      anEntry({ sku: 'CABBAGE', quantity: 5000, priceFen: 400 }),
      anEntry({ kind: 'returned', quantity: 1500 }),
    ]);
    expect(statement).toMatchObject({
      receivedFen: 28_000 + 2_000,
      returnedFen: 4_200,
      payableFen: 25_800,
    });
    expect(statement.lines).toHaveLength(3);
  });

  it('R-PROC-6: the month is the Shanghai calendar month (a receipt at 01:00 on the 1st belongs to it)', () => {
    const firstOfApril = fromShanghai(2026, 4, 1, 1); // still 31 March in UTC
    expect(
      monthlyStatement('SUP-1', '2026-03', [anEntry({ at: firstOfApril })]).lines,
    ).toHaveLength(0);
    expect(monthlyStatement('SUP-1', '2026-04', [anEntry({ at: firstOfApril })]).receivedFen).toBe(
      28_000,
    );
  });

  it('R-PROC-6: line amounts round half up to the fen', () => {
    expect(
      monthlyStatement('SUP-1', '2026-03', [
        anEntry({ quantity: 1, priceFen: 2850, priceUnitQuantity: 1000 }),
      ]).receivedFen,
    ).toBe(3);
  });
});
