import { Actor } from '../../shared/domain/actor';
import { inspect, InspectionFindings, ReturnedGoods } from './returned-goods-inspection';

const keeper: Actor = { userId: 'u-wh', role: 'warehouse' };

function someGoods(overrides: Partial<ReturnedGoods> = {}): ReturnedGoods {
  return {
    returnId: 'ret-1',
    status: 'awaiting-inspection',
    lines: [{ sku: 'TOFU', quantity: 20 }],
    ...overrides,
  };
}
function findings(overrides: Partial<InspectionFindings> = {}): InspectionFindings {
  return { unopened: true, withinExpiry: true, coldChainIntact: true, ...overrides };
}

describe('returned goods inspection', () => {
  it('R-AS-7: unopened goods within expiry with the cold chain intact go back to stock', () => {
    expect(inspect(someGoods(), findings(), keeper)).toBe('restocked');
  });

  it.each([['unopened'], ['withinExpiry'], ['coldChainIntact']] as const)(
    'R-AS-7: goods failing %s are written off with a cause',
    (failed) => {
      expect(
        inspect(
          someGoods(),
          findings({ [failed]: false, cause: 'driver left the box in the sun' }),
          keeper,
        ),
      ).toBe('written-off');
    },
  );

  it('R-AS-7: a write-off without a cause is refused; only the warehouse inspects; once only', () => {
    expect(() => inspect(someGoods(), findings({ unopened: false }), keeper)).toThrow(
      expect.objectContaining({ code: 'RETURN.CAUSE_REQUIRED' }),
    );
    expect(() => inspect(someGoods(), findings(), { userId: 'x', role: 'chef' })).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
    expect(() => inspect(someGoods({ status: 'restocked' }), findings(), keeper)).toThrow(
      expect.objectContaining({ code: 'RETURN.ALREADY_INSPECTED' }),
    );
  });
});
