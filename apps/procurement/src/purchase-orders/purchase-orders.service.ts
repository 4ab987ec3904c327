import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import {
  Caller,
  Clock,
  DomainError,
  fenToYuan,
  INTERNAL,
  ScopedBy,
  scopedFilter,
} from '@app/common';
import { QuotesService } from '../quotes/quotes.service';
import { Actor } from '../shared/domain/actor';
import { fromUnitPrice, toUnitPrice } from '../shared/price.dto';
import { toActor } from '../shared/to-actor';
import { SuppliersService } from '../suppliers/suppliers.service';
import {
  applyReceipt,
  closePurchaseOrder,
  newPurchaseOrder,
  openQuantity,
  orderTotalFen,
  PurchaseOrder,
  ReceivedLine,
} from './domain/purchase-order';
import { PurchaseOrderDoc } from './purchase-order.schema';
import { CreatePurchaseOrderDto, PurchaseOrderView } from './purchase-order.dto';

@Injectable()
export class PurchaseOrdersService {
  constructor(
    @InjectModel(PurchaseOrderDoc.name) private readonly orders: Model<PurchaseOrderDoc>,
    private readonly quotes: QuotesService,
    private readonly suppliers: SuppliersService,
    private readonly clock: Clock,
  ) {}

  /** R-PROC-5: only at the supplier's approved price of the week. */
  async create(dto: CreatePurchaseOrderDto, caller: Caller): Promise<PurchaseOrderView> {
    await this.suppliers.get(dto.supplierId);
    const approved = await this.quotes.approvedPrices(dto.week);
    const lines = dto.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, ...toUnitPrice(l) }));
    const po = newPurchaseOrder(
      dto.week,
      dto.supplierId,
      lines,
      approved,
      toActor(caller),
      this.clock.now(),
    );
    const doc = { _id: randomUUID(), ...po, appliedReceipts: {}, version: 1 };
    await this.orders.create(doc);
    return toView(doc);
  }

  async close(id: string, reason: string, caller: Caller): Promise<PurchaseOrderView> {
    const found = await this.load(id);
    const next = closePurchaseOrder(found, reason, toActor(caller), this.clock.now());
    const saved = await this.orders
      .updateOne(
        { _id: id, version: found.version },
        { $set: { status: next.status, history: next.history }, $inc: { version: 1 } },
      )
      .exec();
    if (saved.modifiedCount !== 1) throw conflict(id);
    return toView({ ...found, ...next });
  }

  /** R-PROC-7: an effective receipt fills the order once, whatever retries happen. */
  async applyReceipt(
    id: string,
    receiptId: string,
    received: ReceivedLine[],
    actor: Actor,
  ): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await this.load(id);
      if (found.appliedReceipts[receiptId]) return;
      const next = applyReceipt(found, received, actor, this.clock.now());
      const saved = await this.orders
        .updateOne(
          { _id: id, version: found.version, [`appliedReceipts.${receiptId}`]: { $exists: false } },
          {
            $set: {
              status: next.status,
              lines: next.lines,
              history: next.history,
              [`appliedReceipts.${receiptId}`]: true,
            },
            $inc: { version: 1 },
          },
        )
        .exec();
      if (saved.modifiedCount === 1) return;
    }
    throw conflict(id);
  }

  async list(caller: Caller, week?: string): Promise<PurchaseOrderView[]> {
    const filter = scopedFilter(caller, SCOPE, week ? { week } : {});
    return (await this.orders.find(filter).sort({ week: 1, _id: 1 }).lean().exec()).map(toView);
  }

  /** A supplier sees only its own purchase orders: another's is a 404. */
  async get(id: string, by: ScopedBy): Promise<PurchaseOrderView> {
    return toView(await this.load(id, by));
  }

  async load(id: string, by: ScopedBy = INTERNAL): Promise<PurchaseOrderDoc> {
    const found = await this.orders
      .findOne(scopedFilter(by, SCOPE, { _id: id }))
      .lean()
      .exec();
    if (!found) throw DomainError.notFound('purchase order', id);
    return found;
  }
}

const SCOPE = { supplierId: 'supplierId' };

function conflict(id: string): DomainError {
  return new DomainError(
    'PO.CONCURRENT_UPDATE',
    `purchase order ${id} changed meanwhile; retry`,
    'conflict',
  );
}

function toView(po: PurchaseOrder & { _id: string }): PurchaseOrderView {
  return {
    id: po._id,
    week: po.week,
    supplierId: po.supplierId,
    status: po.status,
    lines: po.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      quantity: l.quantity,
      ...fromUnitPrice(l),
      acceptedQuantity: l.acceptedQuantity,
      rejectedQuantity: l.rejectedQuantity,
      openQuantity: openQuantity(l),
    })),
    totalYuan: fenToYuan(orderTotalFen(po)),
    history: po.history,
  };
}
