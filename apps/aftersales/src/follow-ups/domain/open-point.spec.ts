import { DAY_MS, HOUR_MS } from '@app/common/clock/clock';
import {
  isCanteenNotificationOverdue,
  isReportOverdue,
  notifyCanteen,
  raiseOpenPoint,
  recordSolution,
  reportToSupervisor,
} from './open-point';

const raisedAt = new Date('2026-03-02T02:00:00Z'); // 10:00 Shanghai
const after = (ms: number) => new Date(raisedAt.getTime() + ms);
const aPoint = () =>
  raiseOpenPoint('pt-1', 'wants a lower shelf for deliveries', 'agent-1', raisedAt);

describe('follow-up open points', () => {
  it('R-AS-16: an unanswered point is due at the supervisor within 2 days', () => {
    const point = aPoint();
    expect(point.reportDueAt).toEqual(after(2 * DAY_MS));
    expect(isReportOverdue(point, after(2 * DAY_MS - 1))).toBe(false);
    expect(isReportOverdue(point, after(2 * DAY_MS))).toBe(true);
    expect(isReportOverdue(reportToSupervisor(point, after(HOUR_MS)), after(3 * DAY_MS))).toBe(
      false,
    );
  });

  it('R-AS-16: a report after 2 days is marked late', () => {
    expect(reportToSupervisor(aPoint(), after(3 * DAY_MS)).reportedLate).toBe(true);
    expect(reportToSupervisor(aPoint(), after(DAY_MS)).reportedLate).toBe(false);
  });

  it('R-AS-16: the canteen is told the same Shanghai day a solution is recorded', () => {
    const solved = recordSolution(aPoint(), 'shelf fitted on Thursday', after(4 * HOUR_MS)); // 14:00 Shanghai
    expect(solved.notifyCanteenBy).toEqual(new Date('2026-03-02T16:00:00Z'));
    expect(isCanteenNotificationOverdue(solved, new Date('2026-03-02T15:59:00Z'))).toBe(false);
    expect(isCanteenNotificationOverdue(solved, new Date('2026-03-02T16:00:00Z'))).toBe(true);
    expect(
      isCanteenNotificationOverdue(notifyCanteen(solved, after(5 * HOUR_MS)), after(DAY_MS)),
    ).toBe(false);
  });
});
