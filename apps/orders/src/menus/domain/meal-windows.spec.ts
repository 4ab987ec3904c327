import { mealStartsAt, mealWindowOf, STANDARD_MEAL_WINDOWS } from './meal-windows';

describe('meal windows', () => {
  it('R-MENU-3: standard meals start at 08:00, 11:30 and 17:30 Asia/Shanghai', () => {
    expect(mealStartsAt('2026-12-07', 'breakfast').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(mealStartsAt('2026-12-07', 'lunch').toISOString()).toBe('2026-12-07T03:30:00.000Z');
    expect(mealStartsAt('2026-12-07', 'dinner').toISOString()).toBe('2026-12-07T09:30:00.000Z');
  });

  it('R-MENU-3: an approved exception moves only its own meal', () => {
    const exceptions = [{ meal: 'lunch' as const, window: { from: '11:00', to: '12:00' } }];
    expect(mealStartsAt('2026-12-07', 'lunch', exceptions).toISOString()).toBe(
      '2026-12-07T03:00:00.000Z',
    );
    expect(mealWindowOf('dinner', exceptions)).toEqual(STANDARD_MEAL_WINDOWS.dinner);
  });
});
