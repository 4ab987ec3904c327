import { HOUR_MS } from '@app/common/clock/clock';
import { fromShanghai } from '@app/common/clock/business-time';
import { deadlineOf } from './deadline';

const confirmedAt = fromShanghai(2026, 1, 5, 8, 0);

describe('deadlineOf', () => {
  it('R-DEL-2: deadline is the requested time', () => {
    const requestedTime = fromShanghai(2026, 1, 5, 16, 0);
    expect(deadlineOf({ confirmedAt, requestedTime })).toEqual({
      deadline: requestedTime,
      basis: 'requested-time',
    });
  });

  it('R-DEL-2: an order asking for no time is due 24 hours after confirmation', () => {
    expect(deadlineOf({ confirmedAt })).toEqual({
      deadline: new Date(confirmedAt.getTime() + 24 * HOUR_MS),
      basis: 'within-24h',
    });
  });

  it('R-DEL-2: cooked food is due before its meal starts when that is earlier', () => {
    const mealStartsAt = fromShanghai(2026, 1, 5, 11, 30);
    const requestedTime = fromShanghai(2026, 1, 5, 12, 0);
    expect(deadlineOf({ confirmedAt, requestedTime, mealStartsAt })).toEqual({
      deadline: mealStartsAt,
      basis: 'meal-start',
    });
  });

  it('R-DEL-2: the meal start also caps the 24-hour promise', () => {
    const mealStartsAt = fromShanghai(2026, 1, 5, 17, 30);
    expect(deadlineOf({ confirmedAt, mealStartsAt }).deadline).toEqual(mealStartsAt);
  });

  it('R-DEL-2: an urgent add-on is due by its need-by time', () => {
    const needBy = fromShanghai(2026, 1, 5, 10, 0);
    expect(
      deadlineOf({ confirmedAt, needBy, mealStartsAt: fromShanghai(2026, 1, 5, 11, 30) }),
    ).toEqual({
      deadline: needBy,
      basis: 'need-by',
    });
  });

  it('R-DEL-2: a requested time earlier than the meal start stays the deadline', () => {
    const requestedTime = fromShanghai(2026, 1, 5, 10, 0);
    expect(
      deadlineOf({ confirmedAt, requestedTime, mealStartsAt: fromShanghai(2026, 1, 5, 11, 30) }),
    ).toEqual({ deadline: requestedTime, basis: 'requested-time' });
  });
});
