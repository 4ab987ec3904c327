import { Injectable } from '@nestjs/common';
import type { FilterQuery } from 'mongoose';
import {
  Caller,
  ClaimsService,
  Clock,
  DeliveryCompleted,
  DomainError,
  scopedFilter,
  SCOPED_BY_CANTEEN_ID,
} from '@app/common';
import { ComplaintsService } from '../complaints/complaints.service';
import { PenaltiesService } from '../penalties/penalties.service';
import { actorOf } from '../shared/caller-actor';
import type { Actor } from '../shared/actor';
import { dueKey, fireOnce } from '../shared/timer-claim';
import { completeFollowUp, scheduleFollowUp, type FollowUp } from './domain/follow-up';
import {
  planFollowUps,
  planSecondFollowUp,
  type FollowUpTrigger,
  type PlannedFollowUp,
} from './domain/follow-up-schedule';
import {
  isReportOverdue,
  notifyCanteen,
  recordSolution,
  reportToSupervisor,
  type OpenPoint,
} from './domain/open-point';
import type { FollowUpDoc } from './follow-up.schema';
import { FollowUpsRepository } from './follow-ups.repository';
import type { CompleteFollowUpDto, FollowUpListQuery, FollowUpView } from './follow-up.dto';

const TIMER_ACTOR: Actor = { id: 'system:follow-up-timers', role: 'system' };

@Injectable()
export class FollowUpsService {
  constructor(
    private readonly repo: FollowUpsRepository,
    private readonly complaints: ComplaintsService,
    private readonly penalties: PenaltiesService,
    private readonly clock: Clock,
    private readonly claims: ClaimsService,
  ) {}

  /** R-AS-13/14: every delivered delivery gets its call and first follow-up — no sampling. */
  onDelivered(d: DeliveryCompleted): Promise<void> {
    return this.plan({ kind: 'delivery', id: d.deliveryId }, d.canteenId, new Date(d.deliveredAt));
  }

  async plan(trigger: FollowUpTrigger, canteenId: string, happenedAt: Date): Promise<void> {
    for (const planned of planFollowUps(happenedAt)) await this.insert(trigger, canteenId, planned);
  }

  async list(query: FollowUpListQuery, caller: Caller): Promise<FollowUpView[]> {
    const filter: FilterQuery<FollowUpDoc> = scopedFilter(caller, SCOPED_BY_CANTEEN_ID, {
      ...(query.status && { status: query.status }),
      ...(query.kind && { kind: query.kind }),
      ...(query.canteenId && { canteenId: query.canteenId }),
      ...(query.triggerId && { 'trigger.id': query.triggerId }),
      ...(query.dueBefore && { dueFrom: { $lt: new Date(query.dueBefore) } }),
    });
    return (await this.repo.list(filter)).map(toView);
  }

  async get(id: string, caller: Caller): Promise<FollowUpView> {
    return toView((await this.repo.get(id, caller)).followUp);
  }

  /** R-AS-13…16: records the call or visit, then what follows from it. */
  async complete(id: string, dto: CompleteFollowUpDto, caller: Caller): Promise<FollowUpView> {
    if (caller.role === 'canteen' && dto.openPoints?.length) {
      // Open points are an agent's promise to the canteen; the 2-day report rule binds staff.
      throw new DomainError(
        'FOLLOW_UP.OPEN_POINTS_BY_STAFF',
        'open points are recorded by aftersales staff',
        'invalid',
        [
          {
            field: 'openPoints',
            reason: 'not accepted from a canteen token; file a complaint instead',
          },
        ],
      );
    }
    const { followUp, version } = await this.repo.get(id, caller);
    const result = completeFollowUp(
      followUp,
      {
        notes: dto.notes,
        ...(dto.survey && { survey: { ...dto.survey } }),
        ...(dto.openPoints && { openPoints: dto.openPoints }),
      },
      actorOf(caller),
      this.clock.now(),
      (i) => `p${i + 1}`,
    );
    // Flag first, act second: a crash in between leaves the flag for the sweep to finish.
    await this.repo.saveOrConflict(result.followUp, version, { consequencesApplied: false });
    await this.applyConsequences(result.followUp);
    return toView(result.followUp);
  }

  async reportPoint(id: string, pointId: string, caller: Caller): Promise<FollowUpView> {
    return this.changePoint(id, pointId, (p, now) => reportToSupervisor(p, now), caller);
  }

  async solvePoint(
    id: string,
    pointId: string,
    solution: string,
    caller: Caller,
  ): Promise<FollowUpView> {
    return this.changePoint(
      id,
      pointId,
      (p, now) => recordSolution(reportToSupervisor(p, now), solution, now),
      caller,
    );
  }

  async notifyPoint(id: string, pointId: string, caller: Caller): Promise<FollowUpView> {
    return this.changePoint(
      id,
      pointId,
      (p, now) => {
        if (!p.solution) {
          throw new DomainError(
            'FOLLOW_UP.NO_SOLUTION_YET',
            'record the solution before telling the canteen',
            'conflict',
          );
        }
        return notifyCanteen(p, now);
      },
      caller,
    );
  }

  /**
   * The follow-up timers, run by the sweep (and by tests after moving the clock):
   * follow-ups for closed complaints (R-AS-14), unfinished consequences, and open points not
   * reported within 2 days (R-AS-16) — those go to the supervisor by themselves and a 20 元
   * fine for hiding an unresolved complaint is proposed (R-AS-11). Each item is claimed first
   * (ClaimsService), so it fires once across instances.
   */
  async runTimers(): Promise<void> {
    const now = this.clock.now();
    for (const complaint of await this.complaints.closedAwaitingFollowUps()) {
      const key = `complaint-follow-ups:${complaint.complaintId}:${dueKey(complaint.closedAt)}`;
      await fireOnce(this.claims, key, now, async () => {
        await this.plan(
          { kind: 'complaint', id: complaint.complaintId },
          complaint.canteenId,
          complaint.closedAt!,
        );
        await this.complaints.markFollowUpsPlanned(complaint.complaintId);
        return true;
      });
    }
    for (const { followUp } of await this.repo.awaitingConsequences()) {
      const key = `follow-up-consequences:${followUp.followUpId}:${dueKey(followUp.doneAt)}`;
      await fireOnce(this.claims, key, now, async () => {
        await this.applyConsequences(followUp);
        return true;
      });
    }
    await this.reportOverduePoints();
  }

  openPointsPending(until: Date): Promise<FollowUp[]> {
    return this.repo.withOpenPoints(until);
  }

  dueBy(until: Date): Promise<FollowUp[]> {
    return this.repo.list({ status: 'due', dueFrom: { $lt: until } });
  }

  private async reportOverduePoints(): Promise<void> {
    const now = this.clock.now();
    for (const { followUp, version } of await this.repo.reportsDue(now)) {
      const overdue = Object.values(followUp.openPoints).filter((p) => isReportOverdue(p, now));
      const openPoints = { ...followUp.openPoints };
      for (const p of overdue) openPoints[p.pointId] = reportToSupervisor(p, now);
      const [firstDue] = overdue
        .map((p) => p.reportDueAt)
        .sort((a, b) => a.getTime() - b.getTime());
      const key = `follow-up-points:${followUp.followUpId}:${dueKey(firstDue)}`;
      await fireOnce(this.claims, key, now, async () => {
        // Fines first: their ids make a repeat a no-op, so a crash before the report is written
        // leaves the point due and the next sweep finishes it without a second fine.
        for (const p of overdue) {
          await this.penalties.proposeFixed(
            `hidden-${followUp.followUpId}-${p.pointId}`,
            { kind: 'hidden-complaint', id: followUp.followUpId },
            'hid-unresolved-complaint',
            p.raisedBy,
            p.reportDueAt,
            `open point "${p.text}" of follow-up ${followUp.followUpId} not reported to the supervisor within 2 days`,
            TIMER_ACTOR,
          );
        }
        // A lost race means an agent wrote first: the claim is given back, the next sweep re-reads.
        return this.repo.save({ ...followUp, openPoints }, version);
      });
    }
  }

  private async changePoint(
    id: string,
    pointId: string,
    change: (p: OpenPoint, now: Date) => OpenPoint,
    caller: Caller,
  ): Promise<FollowUpView> {
    const { followUp, version } = await this.repo.get(id, caller);
    const point = followUp.openPoints[pointId];
    if (!point) throw DomainError.notFound('open point', pointId);
    const next = {
      ...followUp,
      openPoints: { ...followUp.openPoints, [pointId]: change(point, this.clock.now()) },
    };
    await this.repo.saveOrConflict(next, version);
    return toView(next);
  }

  private async applyConsequences(followUp: FollowUp): Promise<void> {
    if (followUp.kind === 'first-follow-up' && followUp.doneAt) {
      await this.insert(followUp.trigger, followUp.canteenId, planSecondFollowUp(followUp.doneAt));
    }
    if (followUp.score?.complaint) {
      await this.complaints.recordFromSurvey(
        followUp.followUpId,
        followUp.canteenId,
        followUp.score.complaint,
        followUp.doneBy
          ? { id: followUp.doneBy, role: followUp.doneByRole ?? 'aftersales' }
          : TIMER_ACTOR,
      );
    }
    await this.repo.markConsequencesApplied(followUp.followUpId);
  }

  private insert(
    trigger: FollowUpTrigger,
    canteenId: string,
    planned: PlannedFollowUp,
  ): Promise<void> {
    const id = `${trigger.kind}-${trigger.id}-${planned.kind}`;
    return this.repo.insertOnce(scheduleFollowUp(id, canteenId, trigger, planned));
  }
}

function toView(f: FollowUp): FollowUpView {
  const { followUpId, ...rest } = f;
  return { id: followUpId, ...rest };
}
