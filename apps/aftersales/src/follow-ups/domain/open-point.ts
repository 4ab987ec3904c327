import { shanghaiDate, startOfShanghaiDay, addDays } from '@app/common/clock/business-time';
import { DAY_MS } from '@app/common/clock/clock';

/** R-AS-16: an open point reaches the supervisor within 2 days. */
export const SUPERVISOR_REPORT_WITHIN_MS = 2 * DAY_MS;

/** Something a follow-up raised that could not be answered on the spot (R-AS-16). */
export interface OpenPoint {
  pointId: string;
  text: string;
  raisedAt: Date;
  raisedBy: string;
  reportDueAt: Date;
  reportedAt?: Date;
  /** Reported by the timer because nobody did in time (R-AS-11: hiding costs 20 元). */
  reportedLate: boolean;
  solution?: string;
  solvedAt?: Date;
  /** The canteen is told the same Shanghai day (R-AS-16). */
  notifyCanteenBy?: Date;
  canteenNotifiedAt?: Date;
}

export function raiseOpenPoint(
  pointId: string,
  text: string,
  raisedBy: string,
  now: Date,
): OpenPoint {
  return {
    pointId,
    text,
    raisedAt: now,
    raisedBy,
    reportDueAt: new Date(now.getTime() + SUPERVISOR_REPORT_WITHIN_MS),
    reportedLate: false,
  };
}

/** Reporting on time; a second report changes nothing. */
export function reportToSupervisor(point: OpenPoint, now: Date): OpenPoint {
  if (point.reportedAt) return point;
  return { ...point, reportedAt: now, reportedLate: now.getTime() > point.reportDueAt.getTime() };
}

/** R-AS-16: a point not reported in 2 days goes to the supervisor by itself, marked late. */
export function isReportOverdue(point: OpenPoint, now: Date): boolean {
  return !point.reportedAt && point.reportDueAt.getTime() <= now.getTime();
}

/** R-AS-16: a solution is due to the canteen before the end of the Shanghai day it was found. */
export function recordSolution(point: OpenPoint, solution: string, now: Date): OpenPoint {
  return {
    ...point,
    solution,
    solvedAt: now,
    notifyCanteenBy: startOfShanghaiDay(addDays(shanghaiDate(now), 1)),
  };
}

export function notifyCanteen(point: OpenPoint, now: Date): OpenPoint {
  return point.canteenNotifiedAt ? point : { ...point, canteenNotifiedAt: now };
}

export function isCanteenNotificationOverdue(point: OpenPoint, now: Date): boolean {
  return (
    !!point.notifyCanteenBy &&
    !point.canteenNotifiedAt &&
    point.notifyCanteenBy.getTime() <= now.getTime()
  );
}
