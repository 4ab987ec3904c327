import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  addDays,
  Caller,
  Clock,
  DomainError,
  EventFactory,
  newWithEvents,
  ReturnApproved,
  startOfShanghaiDay,
  withEvents,
} from '@app/common';
import { LotsService } from '../inventory/lots/lots.service';
import { ReservationsService } from '../inventory/reservations/reservations.service';
import { toActor } from '../shared/to-actor';
import { inspect } from './domain/returned-goods-inspection';
import { ReturnedGoodsDoc } from './returned-goods.schema';
import { InspectReturnedGoodsDto, ReturnedGoodsView } from './returned-goods.dto';

@Injectable()
export class ReturnedGoodsService {
  constructor(
    @InjectModel(ReturnedGoodsDoc.name) private readonly returns: Model<ReturnedGoodsDoc>,
    private readonly lots: LotsService,
    private readonly reservations: ReservationsService,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** aftersales.return.approved: the goods come back to the warehouse, awaiting inspection. */
  async onReturnApproved(event: ReturnApproved): Promise<void> {
    try {
      await this.returns.create(
        newWithEvents(
          {
            _id: event.returnId,
            canteenId: event.canteenId,
            originalOrderId: event.originalOrderId,
            approvedAt: new Date(event.approvedAt),
            lines: event.lines.map((l) => ({
              lineId: l.lineId,
              quantity: l.quantity,
              ...(l.sku ? { sku: l.sku } : {}),
            })),
            status: 'awaiting-inspection' as const,
          },
          [],
        ),
      );
    } catch (e) {
      if ((e as { code?: number }).code !== 11000) throw e; // already taken in
    }
  }

  /** R-AS-7: back to stock only unopened, within expiry, cold chain intact; otherwise written off. */
  async inspect(
    returnId: string,
    dto: InspectReturnedGoodsDto,
    caller: Caller,
  ): Promise<ReturnedGoodsView> {
    const goods = await this.load(returnId);
    const stockable = goods.lines.filter(
      (l): l is { lineId: string; quantity: number; sku: string } => !!l.sku,
    );
    const outcome = inspect(
      { returnId, status: goods.status, lines: stockable },
      dto,
      toActor(caller),
    );
    const now = this.clock.now();
    if (outcome === 'restocked') {
      if (!dto.bestBefore) {
        throw new DomainError(
          'RETURN.BEST_BEFORE_REQUIRED',
          'restocked goods need their label best-before',
          'invalid',
          [{ field: 'bestBefore', reason: 'required to restock' }],
        );
      }
      const expiresAt = startOfShanghaiDay(addDays(dto.bestBefore, 1));
      if (expiresAt <= now) {
        throw new DomainError(
          'RETURN.EXPIRED',
          'goods past their best-before cannot go back to stock',
          'unprocessable',
          [{ field: 'bestBefore', reason: 'already past' }],
        );
      }
      // Lots first (idempotent ids): a crash before the status write is repaired by inspecting again.
      for (const line of stockable) {
        await this.lots.receive(
          {
            lotId: `return:${returnId}:${line.lineId}`,
            sku: line.sku,
            returnId,
            receivedAt: now,
            expiresAt,
            quantityReceived: line.quantity,
          },
          `return:${returnId}`,
          caller.sub,
        );
      }
    }
    const event = this.events.create('procurement.returned-goods.inspected', returnId, {
      returnId,
      outcome,
      inspectedBy: caller.sub,
      inspectedAt: now.toISOString(),
      ...(dto.cause ? { cause: dto.cause } : {}),
      lines: stockable.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    });
    const inspection = { ...dto, by: caller.sub, at: now };
    const saved = await this.returns
      .updateOne(
        { _id: returnId, status: 'awaiting-inspection' },
        withEvents({ $set: { status: outcome, inspection } }, [event]),
      )
      .exec();
    if (saved.modifiedCount !== 1)
      throw new DomainError(
        'RETURN.ALREADY_INSPECTED',
        `returned goods ${returnId} were inspected meanwhile`,
        'conflict',
      );
    if (outcome === 'restocked') await this.reservations.retryBackorders();
    return toView(await this.load(returnId));
  }

  async list(status?: string): Promise<ReturnedGoodsView[]> {
    return (
      await this.returns
        .find(status ? { status } : {})
        .sort({ approvedAt: 1 })
        .lean()
        .exec()
    ).map(toView);
  }

  async get(returnId: string): Promise<ReturnedGoodsView> {
    return toView(await this.load(returnId));
  }

  private async load(returnId: string): Promise<ReturnedGoodsDoc> {
    const found = await this.returns.findById(returnId).lean().exec();
    if (!found) throw DomainError.notFound('returned goods', returnId);
    return found;
  }
}

function toView(d: ReturnedGoodsDoc): ReturnedGoodsView {
  return {
    returnId: d._id,
    canteenId: d.canteenId,
    originalOrderId: d.originalOrderId,
    status: d.status,
    lines: d.lines,
    ...(d.inspection ? { inspection: d.inspection } : {}),
  };
}
