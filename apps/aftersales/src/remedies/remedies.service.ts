import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  Caller,
  Clock,
  DeliveryCompleted,
  DomainError,
  EventFactory,
  OrderPlaced,
  ReturnedGoodsInspected,
  withEvents,
  INTERNAL,
  type ScopedBy,
  scopedFilter,
  SCOPED_BY_CANTEEN_ID,
} from '@app/common';
import { actorOf, definedOnly, omit } from '../shared/caller-actor';
import type { Actor } from '../shared/actor';
import { ComplaintsService } from '../complaints/complaints.service';
import type { Remedy } from './domain/remedy';
import {
  applyRemedyCommand,
  openRemedy,
  type OpenRemedy,
  type RemedyCommand,
  type RemedyEvent,
} from './domain/remedy-state-machine';
import { RemedyDoc } from './remedy.schema';
import type {
  ChargeCauseDto,
  ChooseRemedyDto,
  OpenRemedyFromComplaintDto,
  RemedyListQuery,
  RemedyView,
} from './remedy.dto';

const EVENT_ACTOR: Actor = { id: 'system:events', role: 'system' };

@Injectable()
export class RemediesService {
  constructor(
    @InjectModel(RemedyDoc.name) private readonly model: Model<RemedyDoc>,
    private readonly complaints: ComplaintsService,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** R-DEL-4: one return or exchange per rejected line, opened once whatever the redelivery. */
  async openFromDelivery(delivery: DeliveryCompleted): Promise<void> {
    const rejectedAt = new Date(delivery.deliveredAt);
    for (const line of delivery.lines.filter((l) => l.rejectedQuantity > 0)) {
      await this.insertOnce(
        openRemedy(
          {
            remedyId: `${delivery.deliveryId}:${line.lineId}`,
            canteenId: delivery.canteenId,
            originalOrderId: delivery.orderId,
            source: { kind: 'delivery', id: delivery.deliveryId },
            lines: [
              {
                lineId: line.lineId,
                kind: line.kind,
                itemId: line.itemId,
                name: line.name,
                quantity: line.rejectedQuantity,
                ...(line.rejectionReason && { reason: line.rejectionReason }),
              },
            ],
            // Rejected at the door: the goods failed the canteen's check (R-AS-6).
            qualityFailed: true,
            rejectedAt,
          },
          this.clock.now(),
        ),
      );
    }
  }

  /** R-AS-6: a quality complaint opens a return or exchange, at most one per complaint. */
  async openFromComplaint(
    complaintId: string,
    dto: OpenRemedyFromComplaintDto,
    caller: Caller,
  ): Promise<RemedyView> {
    const complaint = await this.complaints.get(complaintId, caller);
    if (complaint.category !== 'quality' || complaint.valid === false) {
      throw new DomainError(
        'REMEDY.NOT_A_QUALITY_COMPLAINT',
        'returns and exchanges are opened from valid quality complaints',
        'unprocessable',
        [
          {
            field: 'complaintId',
            reason: `is ${complaint.category}${complaint.valid === false ? ', invalid' : ''}`,
          },
        ],
      );
    }
    const input: OpenRemedy = {
      remedyId: `complaint-${complaintId}`,
      canteenId: complaint.canteenId,
      originalOrderId: dto.originalOrderId,
      source: { kind: 'complaint', id: complaintId },
      lines: dto.lines.map((l) => ({ ...l })),
      qualityFailed: true,
      ...(dto.remedy && { type: dto.remedy }),
      ...(dto.needBy && { needBy: new Date(dto.needBy) }),
    };
    const remedy = openRemedy(input, this.clock.now());
    if (!(await this.insertOnce(remedy))) {
      throw new DomainError(
        'REMEDY.ALREADY_OPEN',
        `complaint ${complaintId} already has a return or exchange`,
        'conflict',
      );
    }
    return toView(remedy);
  }

  async list(query: RemedyListQuery, caller: Caller): Promise<RemedyView[]> {
    const filter: FilterQuery<RemedyDoc> = scopedFilter(caller, SCOPED_BY_CANTEEN_ID, {
      ...(query.status && { status: query.status }),
      ...(query.canteenId && { canteenId: query.canteenId }),
    });
    const docs = await this.model.find(filter).sort({ openedAt: -1 }).limit(200).lean().exec();
    return docs.map((d) => toView(toDomain(d)));
  }

  async get(id: string, caller: Caller): Promise<RemedyView> {
    return toView((await this.load(id, caller)).remedy);
  }

  choose(id: string, dto: ChooseRemedyDto, caller: Caller): Promise<RemedyView> {
    const command: RemedyCommand = {
      type: 'choose',
      remedy: dto.remedy,
      ...(dto.needBy && { needBy: new Date(dto.needBy) }),
    };
    return this.apply(id, command, actorOf(caller), caller);
  }

  approve(id: string, caller: Caller): Promise<RemedyView> {
    return this.apply(id, { type: 'approve' }, actorOf(caller), caller);
  }

  chargeCause(id: string, dto: ChargeCauseDto, caller: Caller): Promise<RemedyView> {
    return this.apply(id, { type: 'charge-cause', ...dto }, actorOf(caller), caller);
  }

  /** R-AS-6: orders placed the replacement of an exchange. */
  async linkReplacement(order: OrderPlaced): Promise<void> {
    if (!order.replacementForExchangeId) return;
    const found = await this.model.exists({ _id: order.replacementForExchangeId });
    // Not ours (another test namespace, a manual order): nothing to link, nothing to retry.
    if (!found) return;
    await this.apply(
      order.replacementForExchangeId,
      { type: 'link-replacement', orderId: order.orderId },
      EVENT_ACTOR,
      INTERNAL,
    );
  }

  /** R-AS-7: procurement inspected the returned goods. */
  async recordInspection(e: ReturnedGoodsInspected): Promise<void> {
    const stored = await this.load(e.returnId, INTERNAL);
    if (stored.remedy.inspection) return;
    const inspection = {
      outcome: e.outcome,
      inspectedBy: e.inspectedBy,
      inspectedAt: new Date(e.inspectedAt),
      ...(e.cause && { cause: e.cause }),
    };
    await this.apply(e.returnId, { type: 'record-inspection', inspection }, EVENT_ACTOR, INTERNAL);
  }

  private async insertOnce(remedy: Remedy): Promise<boolean> {
    try {
      await this.model.create({ _id: remedy.remedyId, ...fields(remedy), version: 1 });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  private async load(id: string, by: ScopedBy): Promise<{ remedy: Remedy; version: number }> {
    const doc = await this.model
      .findOne(scopedFilter(by, SCOPED_BY_CANTEEN_ID, { _id: id }))
      .lean()
      .exec();
    if (!doc) throw DomainError.notFound('return or exchange', id);
    return { remedy: toDomain(doc), version: doc.version };
  }

  /** Applies a step; its events go out through the outbox of the same write. */
  private async apply(
    id: string,
    command: RemedyCommand,
    actor: Actor,
    by: ScopedBy,
  ): Promise<RemedyView> {
    const { remedy, version } = await this.load(id, by);
    const result = applyRemedyCommand(remedy, command, actor, this.clock.now());
    if (result.remedy === remedy) return toView(remedy);
    const staged = result.events.map((e) => this.envelope(e, remedy.remedyId));
    const unset = remedy.needBy && !result.remedy.needBy ? { $unset: { needBy: 1 } } : {};
    const update = withEvents(
      { $set: { ...fields(result.remedy), version: version + 1 }, ...unset },
      staged,
    );
    const written = await this.model.updateOne({ _id: id, version }, update).exec();
    if (written.matchedCount !== 1) {
      throw new DomainError(
        'REMEDY.CHANGED_CONCURRENTLY',
        'the return or exchange changed meanwhile; retry',
        'conflict',
      );
    }
    return toView(result.remedy);
  }

  private envelope(e: RemedyEvent, subject: string) {
    return e.type === 'aftersales.exchange.approved'
      ? this.events.create(e.type, subject, e.payload)
      : this.events.create(e.type, subject, e.payload);
  }
}

function fields(r: Remedy): Partial<RemedyDoc> {
  return definedOnly(omit(r, 'remedyId'));
}

function toDomain(d: RemedyDoc): Remedy {
  return { remedyId: d._id, ...omit(d, '_id', 'version', 'outbox', 'outboxAt', 'outboxSeq') };
}

function toView(r: Remedy): RemedyView {
  const { remedyId, ...rest } = r;
  return { id: remedyId, ...rest };
}
