import { toSnapshot, type CanteenState } from './canteen-snapshot';

function aCanteenState(overrides: Partial<CanteenState> = {}): CanteenState {
  return {
    _id: 'canteen-1',
    name: '第一营业点',
    address: '上海市浦东新区张江路 100 号',
    contact: { name: '王经理', phone: '13800000000' },
    receivingWindow: { from: '06:00', to: '17:00' },
    mealWindows: [],
    active: true,
    ...overrides,
  };
}

describe('canteen snapshot', () => {
  it('R-MENU-3: other services learn the approved windows, not who approved them', () => {
    const approved = {
      meal: 'lunch' as const,
      window: { from: '12:00', to: '13:00' },
      approvedBy: 'ops-1',
      approvedAt: new Date('2026-12-01T02:00:00Z'),
    };
    expect(toSnapshot(aCanteenState({ mealWindows: [approved] })).mealWindows).toEqual([
      { meal: 'lunch', window: { from: '12:00', to: '13:00' } },
    ]);
  });
});
