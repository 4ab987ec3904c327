import { Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import { ComplaintsService } from '../complaints/complaints.service';
import { breachedTimers, RESPONSE_TIMER_KINDS } from '../complaints/domain/response-timers';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { dueListDay, dueState } from './domain/due-list';
import type { DueListView, OpenPointItem } from './due-list.dto';

/**
 * R-AS-18: the team's list for a day, built only from stored due times — never from timers
 * that fired — so whatever fell due while the service was down still appears.
 */
@Injectable()
export class DueListService {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly followUps: FollowUpsService,
    private readonly clock: Clock,
  ) {}

  async forDay(date?: string): Promise<DueListView> {
    const now = this.clock.now();
    const day = dueListDay(now, date);
    // Looking at a past day, "now" for breaches is the end of that day.
    const asOf = day.listUntil.getTime() < now.getTime() ? day.listUntil : now;
    const followUps = (await this.followUps.dueBy(day.listUntil)).map((f) => ({
      id: f.followUpId,
      canteenId: f.canteenId,
      kind: f.kind,
      window: f.window,
      state: dueState(f.dueBy, day),
    }));
    const complaints = (await this.complaints.openWithTimersDue(day.listUntil)).map((c) => ({
      id: c.complaintId,
      canteenId: c.canteenId,
      status: c.status,
      breached: breachedTimers(c.timers, asOf),
      dueToday: RESPONSE_TIMER_KINDS.filter((k) => {
        const t = c.timers[k];
        return !!t?.dueAt && !t.metAt && t.dueAt > asOf && t.dueAt <= day.listUntil;
      }),
      specialCase: c.specialCase,
    }));
    const openPoints: OpenPointItem[] = [];
    for (const f of await this.followUps.openPointsPending(day.listUntil)) {
      for (const p of Object.values(f.openPoints)) {
        const base = {
          followUpId: f.followUpId,
          pointId: p.pointId,
          canteenId: f.canteenId,
          text: p.text,
        };
        if (!p.reportedAt) {
          openPoints.push({
            ...base,
            next: 'report-to-supervisor',
            dueAt: p.reportDueAt,
            late: p.reportDueAt <= asOf,
          });
        } else if (!p.solution) {
          openPoints.push({ ...base, next: 'find-solution', late: p.reportedLate });
        } else if (!p.canteenNotifiedAt) {
          openPoints.push({
            ...base,
            next: 'tell-canteen',
            dueAt: p.notifyCanteenBy!,
            late: p.notifyCanteenBy! <= asOf,
          });
        }
      }
    }
    return { date: day.date, followUps, complaints, openPoints };
  }
}
