import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { DAY_MS } from '@app/common/clock/clock';
import { Caller, Clock, DomainError, fenToYuan, yuanToFen } from '@app/common';
import { ComplaintsService } from '../complaints/complaints.service';
import { actorOf, definedOnly, omit, ownStaffScope } from '../shared/caller-actor';
import type { Actor } from '../shared/actor';
import { StaffService } from '../staff/staff.service';
import { amountInForce, type Penalty } from './domain/penalty';
import {
  REPEAT_WINDOW_DAYS,
  type FixedFineKind,
  type PriorPenalty,
  type ProblemKey,
} from './domain/penalty-calculator';
import { applyPenaltyCommand, type PenaltyCommand } from './domain/penalty-ledger';
import { waivePenalty } from './domain/penalty-waiver';
import { proposeFixedFine, proposeScaledPenalty } from './domain/penalty-proposal';
import type { Severity } from './domain/penalty-scale';
import { monthlyTotals } from './domain/monthly-totals';
import { PenaltyScaleService } from './penalty-scale.service';
import { PenaltyDoc } from './penalty.schema';
import type {
  AppealDecisionDto,
  ComplaintPenaltyDto,
  MonthlyTotalView,
  PenaltyListQuery,
  PenaltyView,
  ProposePenaltyDto,
} from './penalty.dto';

export interface ScaledProposal {
  penaltyId: string;
  source: Penalty['source'];
  reason: string;
  severity: Severity;
  badImpact: boolean;
  problem: Omit<ProblemKey, 'staffId'>;
  responsibleStaffId?: string;
  occurredAt: Date;
  holdUntil?: Date;
}

@Injectable()
export class PenaltiesService {
  constructor(
    @InjectModel(PenaltyDoc.name) private readonly model: Model<PenaltyDoc>,
    private readonly scale: PenaltyScaleService,
    private readonly staff: StaffService,
    private readonly complaints: ComplaintsService,
    private readonly clock: Clock,
  ) {}

  /** R-AS-2 → R-AS-8…10: the fine that follows a complaint's investigation. */
  async proposeForComplaint(
    complaintId: string,
    dto: ComplaintPenaltyDto,
    caller: Caller,
  ): Promise<PenaltyView> {
    const complaint = await this.complaints.get(complaintId, caller);
    const responsible = complaint.responsible;
    if (!responsible) {
      throw new DomainError(
        'PENALTY.NOT_INVESTIGATED',
        'a penalty follows the investigation that found who is responsible',
        'conflict',
      );
    }
    const staffId = dto.staffId ?? responsible.staffId;
    const penalty = await this.proposeScaled(
      {
        penaltyId: `complaint-${complaintId}-${staffId ?? 'lead'}`,
        source: { kind: 'complaint', id: complaintId },
        reason: `complaint ${complaintId}: ${complaint.cause}`,
        severity: dto.severity,
        badImpact: dto.badImpact,
        problem: {
          canteenId: complaint.canteenId,
          category: complaint.category,
          cause: complaint.cause,
        },
        ...(staffId && { responsibleStaffId: staffId }),
        occurredAt: complaint.recordedAt,
      },
      actorOf(caller),
    );
    if (!penalty)
      throw new DomainError(
        'PENALTY.ALREADY_PROPOSED',
        'this complaint already has that penalty',
        'conflict',
      );
    return toView(penalty);
  }

  /** R-AS-8/11: a breach of the service rules found outside a complaint, or a fixed fine. */
  async proposeManual(dto: ProposePenaltyDto, caller: Caller): Promise<PenaltyView> {
    if (!!dto.severity === !!dto.fixedFine) {
      throw new DomainError(
        'PENALTY.SEVERITY_OR_FIXED',
        'give either severity or fixedFine',
        'invalid',
        [{ field: 'severity', reason: 'exactly one of severity and fixedFine is required' }],
      );
    }
    const base = {
      penaltyId: randomUUID(),
      source: { kind: 'manual' as const, id: caller.sub },
      reason: dto.reason,
    };
    const occurredAt = new Date(dto.occurredAt);
    if (dto.fixedFine) {
      const staffId = dto.staffId ?? (await this.staff.aftersalesLeadId());
      const penalty = proposeFixedFine(
        base,
        dto.fixedFine,
        staffId,
        occurredAt,
        actorOf(caller),
        this.clock.now(),
      );
      await this.insertOnce(penalty);
      return toView(penalty);
    }
    const penalty = await this.proposeScaled(
      {
        ...base,
        severity: dto.severity!,
        badImpact: dto.badImpact ?? false,
        problem: { canteenId: dto.canteenId, category: dto.category, cause: dto.cause },
        ...(dto.staffId && { responsibleStaffId: dto.staffId }),
        occurredAt,
      },
      actorOf(caller),
    );
    return toView(penalty!);
  }

  /** Scaled fine with doubling (R-AS-9) and the lead bearing it (R-AS-10); null if it exists. */
  async proposeScaled(p: ScaledProposal, actor: Actor): Promise<Penalty | null> {
    const aftersalesLeadId = await this.staff.aftersalesLeadId();
    const staffId = p.responsibleStaffId ?? aftersalesLeadId;
    const penalty = proposeScaledPenalty(
      {
        penaltyId: p.penaltyId,
        source: p.source,
        reason: p.reason,
        ...(p.holdUntil && { holdUntil: p.holdUntil }),
      },
      {
        severity: p.severity,
        badImpact: p.badImpact,
        ...p.problem,
        ...(p.responsibleStaffId && { responsibleStaffId: p.responsibleStaffId }),
        aftersalesLeadId,
        occurredAt: p.occurredAt,
        priorPenalties: await this.priorPenalties(
          { ...p.problem, staffId },
          p.occurredAt,
          p.penaltyId,
        ),
      },
      await this.scale.current(),
      actor,
      this.clock.now(),
    );
    return (await this.insertOnce(penalty)) ? penalty : null;
  }

  /** R-AS-11: a fixed fine raised by an event; proposed once per id. */
  async proposeFixed(
    penaltyId: string,
    source: Penalty['source'],
    fine: FixedFineKind,
    staffId: string,
    occurredAt: Date,
    reason: string,
    actor: Actor,
  ): Promise<void> {
    await this.insertOnce(
      proposeFixedFine(
        { penaltyId, source, reason },
        fine,
        staffId,
        occurredAt,
        actor,
        this.clock.now(),
      ),
    );
  }

  /**
   * R-DEL-6: a waived breach takes back its fine — a proposal is withdrawn, an approved fine is
   * reversed by a ledger entry (R-AS-12). A lost race throws, so the event is retried.
   */
  async withdraw(penaltyId: string, reason: string, actor: Actor): Promise<void> {
    const doc = await this.model.findById(penaltyId).lean().exec();
    if (!doc) return;
    const next = waivePenalty(toDomain(doc), reason, actor, this.clock.now());
    if (next && !(await this.save(next, doc.version))) {
      throw new DomainError(
        'PENALTY.CHANGED_CONCURRENTLY',
        `penalty ${penaltyId} changed while it was being waived; retry`,
        'conflict',
      );
    }
  }

  async list(query: PenaltyListQuery, caller: Caller): Promise<PenaltyView[]> {
    const filter: FilterQuery<PenaltyDoc> = {
      ...(query.staffId && { staffId: query.staffId }),
      ...(query.status && { status: query.status }),
      ...ownStaffScope(caller),
    };
    const docs = await this.model.find(filter).sort({ occurredAt: -1 }).limit(500).lean().exec();
    return docs.map((d) => toView(toDomain(d)));
  }

  async get(id: string, caller: Caller): Promise<PenaltyView> {
    const doc = await this.model
      .findOne({ _id: id, ...ownStaffScope(caller) })
      .lean()
      .exec();
    if (!doc) throw DomainError.notFound('penalty', id);
    return toView(toDomain(doc));
  }

  approve(id: string, note: string | undefined, caller: Caller): Promise<PenaltyView> {
    return this.apply(id, { type: 'approve', ...(note !== undefined && { note }) }, caller);
  }

  decideAppeal(id: string, dto: AppealDecisionDto, caller: Caller): Promise<PenaltyView> {
    if (dto.outcome === 'upheld')
      return this.apply(id, { type: 'decide-appeal', outcome: 'upheld' }, caller);
    if (dto.correctedAmount === undefined) {
      throw new DomainError(
        'PENALTY.CORRECTED_AMOUNT_REQUIRED',
        'a granted appeal names the amount that remains',
        'invalid',
        [{ field: 'correctedAmount', reason: 'required when the appeal is granted' }],
      );
    }
    return this.apply(
      id,
      {
        type: 'decide-appeal',
        outcome: 'granted',
        correctedFen: yuanToFen(dto.correctedAmount),
        note: dto.note ?? '',
      },
      caller,
    );
  }

  /** R-AS-12: one guarded write per step; postings are only ever appended. */
  async apply(id: string, command: PenaltyCommand, caller: Caller): Promise<PenaltyView> {
    const doc = await this.model
      .findOne({ _id: id, ...ownStaffScope(caller) })
      .lean()
      .exec();
    if (!doc) throw DomainError.notFound('penalty', id);
    const next = applyPenaltyCommand(toDomain(doc), command, actorOf(caller), this.clock.now());
    if (!(await this.save(next, doc.version))) {
      throw new DomainError(
        'PENALTY.CHANGED_CONCURRENTLY',
        'the penalty changed meanwhile; retry',
        'conflict',
      );
    }
    return toView(next);
  }

  /** R-AS-12: totals per staff member for a Shanghai month. */
  async monthlyTotals(month: string): Promise<MonthlyTotalView[]> {
    const docs = await this.model.find({ months: month }).lean().exec();
    return monthlyTotals(docs, month).map((t) => ({
      staffId: t.staffId,
      month: t.month,
      total: fenToYuan(t.totalFen),
      fines: t.fines,
    }));
  }

  private async priorPenalties(
    problem: ProblemKey,
    occurredAt: Date,
    excludeId: string,
  ): Promise<PriorPenalty[]> {
    const docs = await this.model
      .find({
        _id: { $ne: excludeId },
        'problem.staffId': problem.staffId,
        'problem.canteenId': problem.canteenId,
        'problem.category': problem.category,
        'problem.cause': problem.cause,
        occurredAt: {
          $gte: new Date(occurredAt.getTime() - REPEAT_WINDOW_DAYS * DAY_MS),
          $lte: occurredAt,
        },
      })
      .lean()
      .exec();
    return docs.map((d) => ({
      penaltyId: d._id,
      ...(d.problem && { problem: d.problem }),
      occurredAt: d.occurredAt,
      counts: d.status !== 'rejected' && d.status !== 'withdrawn',
    }));
  }

  private async insertOnce(penalty: Penalty): Promise<boolean> {
    try {
      await this.model.create({ _id: penalty.penaltyId, ...fields(penalty), version: 1 });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  private async save(penalty: Penalty, version: number): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: penalty.penaltyId, version },
        { $set: { ...fields(penalty), version: version + 1 } },
      )
      .exec();
    return result.matchedCount === 1;
  }
}

function fields(p: Penalty): Partial<PenaltyDoc> {
  return {
    ...definedOnly(omit(p, 'penaltyId')),
    months: [...new Set(p.entries.map((e) => e.month))],
  };
}

function toDomain(d: PenaltyDoc): Penalty {
  return { penaltyId: d._id, ...omit(d, '_id', 'version', 'months') } as Penalty;
}

export function toView(p: Penalty): PenaltyView {
  return {
    id: p.penaltyId,
    staffId: p.staffId,
    borneByLead: p.borneByLead,
    source: p.source,
    reason: p.reason,
    ...(p.severity && { severity: p.severity }),
    ...(p.fixedFine && { fixedFine: p.fixedFine }),
    baseAmount: fenToYuan(p.baseFen),
    amount: fenToYuan(p.amountFen),
    amountInForce: fenToYuan(amountInForce(p)),
    doubled: p.doubled,
    ...(p.repeatOfPenaltyId && { repeatOfPenaltyId: p.repeatOfPenaltyId }),
    flaggedForDismissal: p.flaggedForDismissal,
    status: p.status,
    ...(p.holdUntil && { holdUntil: p.holdUntil }),
    ...(p.appeal && { appeal: p.appeal }),
    entries: p.entries.map((e) => ({
      entryId: e.entryId,
      kind: e.kind,
      amount: fenToYuan(e.amountFen),
      month: e.month,
      postedAt: e.postedAt,
      postedBy: e.postedBy,
      reason: e.reason,
    })),
  };
}
