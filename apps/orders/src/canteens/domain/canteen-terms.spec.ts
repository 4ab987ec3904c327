import { approveMealWindow, assertMarkup, withdrawMealWindow } from './canteen-terms';

const APPROVED_AT = new Date('2026-12-01T02:00:00Z');

describe('canteen terms', () => {
  it('R-MENU-3: an approved exception records the ops-manager and replaces the same meal’s', () => {
    const first = approveMealWindow(
      [],
      'lunch',
      { from: '11:00', to: '12:00' },
      'ops-1',
      APPROVED_AT,
    );
    const second = approveMealWindow(
      first,
      'lunch',
      { from: '12:00', to: '13:00' },
      'ops-2',
      APPROVED_AT,
    );
    expect(second).toEqual([
      {
        meal: 'lunch',
        window: { from: '12:00', to: '13:00' },
        approvedBy: 'ops-2',
        approvedAt: APPROVED_AT,
      },
    ]);
    expect(withdrawMealWindow(second, 'lunch')).toEqual([]);
  });

  it('R-MENU-3: a meal window cannot end before it starts', () => {
    expect(() =>
      approveMealWindow([], 'dinner', { from: '18:00', to: '17:00' }, 'ops-1', APPROVED_AT),
    ).toThrow(expect.objectContaining({ code: 'CANTEEN.INVALID_MEAL_WINDOW' }));
  });

  it('R-ORD-1: the contract markup is 0–100 % in whole basis points', () => {
    expect(() => assertMarkup(0)).not.toThrow();
    expect(() => assertMarkup(1250)).not.toThrow();
    expect(() => assertMarkup(-1)).toThrow(
      expect.objectContaining({ code: 'CANTEEN.INVALID_MARKUP' }),
    );
    expect(() => assertMarkup(10.5)).toThrow(
      expect.objectContaining({ code: 'CANTEEN.INVALID_MARKUP' }),
    );
  });
});
