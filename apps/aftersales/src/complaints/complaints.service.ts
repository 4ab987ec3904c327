import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import {
  Caller,
  canteenScope,
  ClaimsService,
  Clock,
  DomainError,
  scopedFilter,
  SCOPED_BY_CANTEEN_ID,
} from '@app/common';
import { CanteenCopy } from '../canteens/canteen-copy.schema';
import { actorOf, omit } from '../shared/caller-actor';
import type { Actor } from '../shared/actor';
import { dueKey, fireOnce } from '../shared/timer-claim';
import { StaffService } from '../staff/staff.service';
import type { Complaint, ComplaintStepName } from './domain/complaint';
import { escalateComplaint } from './domain/complaint-escalation';
import { routeComplaint } from './domain/complaint-routing';
import {
  applyComplaintCommand,
  recordComplaint,
  type ComplaintCommand,
  type RecordComplaint,
} from './domain/complaint-state-machine';
import type { ComplaintCategory, ComplaintCause } from './domain/complaint.types';
import { nextTimerDueAt } from './domain/response-timers';
import { ComplaintsRepository } from './complaints.repository';
import type {
  AssignDto,
  ComplaintListQuery,
  ComplaintView,
  RecordComplaintDto,
} from './complaint.dto';

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly repo: ComplaintsRepository,
    private readonly staff: StaffService,
    private readonly clock: Clock,
    private readonly claims: ClaimsService,
    @InjectModel(CanteenCopy.name) private readonly canteens: Model<CanteenCopy>,
  ) {}

  /** R-AS-1: a canteen files its own; an agent records a call, letter or visit for one. */
  async record(dto: RecordComplaintDto, caller: Caller): Promise<ComplaintView> {
    const { canteenId: own } = canteenScope(caller);
    if (own && dto.canteenId && dto.canteenId !== own)
      throw DomainError.notFound('canteen', dto.canteenId);
    const canteenId = own ?? dto.canteenId;
    if (!canteenId) {
      throw new DomainError('COMPLAINT.CANTEEN_REQUIRED', 'canteenId is required', 'invalid', [
        { field: 'canteenId', reason: 'required when staff record a complaint' },
      ]);
    }
    const channel = own ? 'app' : dto.channel;
    if (!channel) {
      throw new DomainError('COMPLAINT.CHANNEL_REQUIRED', 'channel is required', 'invalid', [
        {
          field: 'channel',
          reason: 'call, letter or visit: required when staff record a complaint',
        },
      ]);
    }
    const input: RecordComplaint = {
      complaintId: randomUUID(),
      canteenId,
      channel,
      category: dto.category,
      cause: dto.cause,
      subject: { ...dto.subject },
      description: dto.description,
      ...(dto.request !== undefined && { request: dto.request }),
      ...(dto.reportedAt !== undefined && { reportedAt: new Date(dto.reportedAt) }),
    };
    const complaint = recordComplaint(input, actorOf(caller), this.clock.now());
    // Only a canteen the kitchen serves complains (its copy arrives from orders' events).
    if (!(await this.canteens.exists({ _id: canteenId }).exec())) {
      throw new DomainError(
        'COMPLAINT.UNKNOWN_CANTEEN',
        `canteen ${canteenId} is not a registered canteen`,
        'unprocessable',
        [{ field: 'canteenId', reason: 'not a registered canteen' }],
      );
    }
    await this.repo.insertOnce(complaint);
    return viewFor(complaint, caller);
  }

  /** R-AS-15: a low survey score opens a complaint, once per follow-up. */
  async recordFromSurvey(
    followUpId: string,
    canteenId: string,
    found: { category: ComplaintCategory; cause: ComplaintCause; description: string },
    actor: Actor,
  ): Promise<string> {
    const complaintId = `survey-${followUpId}`;
    const complaint = recordComplaint(
      { complaintId, canteenId, channel: 'survey', subject: {}, ...found },
      actor,
      this.clock.now(),
    );
    await this.repo.insertOnce(complaint);
    return complaintId;
  }

  async get(id: string, caller: Caller): Promise<ComplaintView> {
    return viewFor((await this.repo.get(id, caller)).complaint, caller);
  }

  async find(id: string): Promise<Complaint | null> {
    return (await this.repo.find(id))?.complaint ?? null;
  }

  async list(query: ComplaintListQuery, caller: Caller): Promise<ComplaintView[]> {
    const filter = scopedFilter(caller, SCOPED_BY_CANTEEN_ID, {
      ...(query.status && { status: query.status }),
      ...(query.canteenId && { canteenId: query.canteenId }),
      ...(query.escalated && { escalated: true }),
      ...(query.specialCase && { specialCase: true }),
    });
    return (await this.repo.list(filter)).map((c) => viewFor(c, caller));
  }

  /** R-AS-2: one step, recorded with who and when; an out-of-order step changes nothing. */
  async apply(id: string, command: ComplaintCommand, caller: Caller): Promise<ComplaintView> {
    const { complaint, version } = await this.repo.get(id, caller);
    const result = applyComplaintCommand(complaint, command, actorOf(caller), this.clock.now());
    const justClosed = result.events.some((e) => e.type === 'closed');
    await this.repo.saveOrConflict(result.complaint, version, justClosed);
    return viewFor(result.complaint, caller);
  }

  /** R-AS-3: routes by category and cause unless the agent names the department or person. */
  async assign(id: string, dto: AssignDto, caller: Caller): Promise<ComplaintView> {
    const { complaint } = await this.repo.get(id, caller);
    const subjectStaff = complaint.subject.staffId
      ? await this.staff.find(complaint.subject.staffId)
      : null;
    const routed = routeComplaint({
      category: complaint.category,
      cause: complaint.cause,
      ...(subjectStaff && { subjectStaff }),
      departmentLeads: await this.staff.departmentLeads(),
    });
    const department = dto.department ?? routed.department;
    const leadOfChosen =
      dto.department && dto.department !== routed.department
        ? (await this.staff.departmentLeads())[dto.department]
        : routed.responsibleStaffId;
    const responsibleStaffId = dto.responsibleStaffId ?? leadOfChosen;
    return this.apply(
      id,
      {
        type: 'assign',
        handlingPlan: dto.handlingPlan,
        routing: { department, ...(responsibleStaffId && { responsibleStaffId }) },
      },
      caller,
    );
  }

  /**
   * R-AS-4: escalates every response time missed by now, each once. Each due time is claimed
   * first: a claim held elsewhere means another instance escalates it, so it is skipped, and a
   * lost write gives the claim back; returns how many complaints escalated.
   */
  async escalateDueTimers(): Promise<number> {
    const now = this.clock.now();
    let escalated = 0;
    for (const { complaint, version } of await this.repo.dueTimers(now)) {
      const key = `complaint-timer:${complaint.complaintId}:${dueKey(nextTimerDueAt(complaint.timers))}`;
      const result = escalateComplaint(complaint, now);
      // Nothing to escalate (met meanwhile): the save refreshes the stored next due time.
      const saved = await fireOnce(this.claims, key, now, () =>
        this.repo.save(result?.complaint ?? complaint, version),
      );
      if (saved) escalated += result ? 1 : 0;
    }
    return escalated;
  }

  closedAwaitingFollowUps(): Promise<Complaint[]> {
    return this.repo.closedAwaitingFollowUps();
  }

  markFollowUpsPlanned(id: string): Promise<void> {
    return this.repo.markFollowUpsPlanned(id);
  }

  /** R-AS-4: open complaints with an escalation standing (a missed time or a special case). */
  escalatedOrSpecial(): Promise<Complaint[]> {
    return this.repo.list(
      { status: { $ne: 'closed' }, $or: [{ escalated: true }, { specialCase: true }] },
      500,
    );
  }

  openWithTimersDue(until: Date): Promise<Complaint[]> {
    return this.repo.openWithTimersDue(until);
  }
}

/** Steps a canteen sees of its own complaint; the internal handling stays with the company. */
const STEPS_SHOWN_TO_CANTEEN: readonly ComplaintStepName[] = [
  'recorded',
  'assessed-invalid',
  'customer-notified',
  'customer-satisfied',
  'customer-not-satisfied',
];

function viewFor(c: Complaint, caller: Caller): ComplaintView {
  const { complaintId, ...rest } = c;
  if (caller.role !== 'canteen') return { id: complaintId, ...rest };
  const shown = omit(
    rest,
    'routing',
    'handlingPlan',
    'responsible',
    'timers',
    'improvementNote',
    'markedForReward',
  );
  return {
    id: complaintId,
    ...shown,
    timers: {},
    steps: c.steps
      .filter((s) => STEPS_SHOWN_TO_CANTEEN.includes(s.step))
      .map((s) => ({
        ...omit(s, 'actorId'),
        actorId: s.actorRole === 'canteen' ? s.actorId : 'aftersales',
      })),
  };
}
