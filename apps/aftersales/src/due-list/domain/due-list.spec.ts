import { dueListDay, dueState } from './due-list';

describe('daily due list', () => {
  it('R-AS-18: the list covers the whole Shanghai day of now', () => {
    const day = dueListDay(new Date('2026-03-02T17:00:00Z')); // 01:00 Tuesday in Shanghai
    expect(day).toEqual({
      date: '2026-03-03',
      startOfDay: new Date('2026-03-02T16:00:00Z'),
      listUntil: new Date('2026-03-03T16:00:00Z'),
    });
  });

  it('R-AS-18: an item whose window closed before the day is overdue, not dropped', () => {
    const day = dueListDay(new Date('2026-03-10T02:00:00Z'));
    expect(dueState(new Date('2026-03-04T16:00:00Z'), day)).toBe('overdue');
    expect(dueState(new Date('2026-03-10T16:00:00Z'), day)).toBe('due');
  });
});
