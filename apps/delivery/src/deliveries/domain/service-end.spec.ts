import { fromShanghai } from '@app/common/clock/business-time';
import { leftEarly, serviceEndOf } from './service-end';

const window = { from: '09:00', to: '12:00' };

describe('service end', () => {
  it('R-DEL-7: is the end of the receiving window the driver checks in during', () => {
    expect(serviceEndOf(fromShanghai(2026, 1, 5, 10, 0), window)).toEqual(
      fromShanghai(2026, 1, 5, 12, 0),
    );
  });

  it('R-DEL-7: a driver arriving before the window opens stays until it closes', () => {
    expect(serviceEndOf(fromShanghai(2026, 1, 5, 7, 30), window)).toEqual(
      fromShanghai(2026, 1, 5, 12, 0),
    );
  });

  it('R-DEL-7: a driver arriving after the window closed has no service time left', () => {
    expect(serviceEndOf(fromShanghai(2026, 1, 5, 13, 0), window)).toBeUndefined();
  });

  it('R-DEL-7: a window running past midnight ends the next day', () => {
    const night = { from: '22:00', to: '02:00' };
    expect(serviceEndOf(fromShanghai(2026, 1, 5, 23, 0), night)).toEqual(
      fromShanghai(2026, 1, 6, 2, 0),
    );
    expect(serviceEndOf(fromShanghai(2026, 1, 6, 1, 0), night)).toEqual(
      fromShanghai(2026, 1, 6, 2, 0),
    );
  });

  it('R-DEL-7: an agreed service end wins, and without a window there is none', () => {
    const agreed = fromShanghai(2026, 1, 5, 14, 0);
    expect(serviceEndOf(fromShanghai(2026, 1, 5, 10, 0), window, agreed)).toEqual(agreed);
    expect(serviceEndOf(fromShanghai(2026, 1, 5, 10, 0), undefined)).toBeUndefined();
  });

  it('R-DEL-7: leaving before the service end is early, at or after it is not', () => {
    const end = fromShanghai(2026, 1, 5, 12, 0);
    expect(leftEarly(fromShanghai(2026, 1, 5, 11, 59), end)).toBe(true);
    expect(leftEarly(end, end)).toBe(false);
    expect(leftEarly(fromShanghai(2026, 1, 5, 11, 0), undefined)).toBe(false);
  });
});
