import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { Caller, Clock, DomainError } from '@app/common';
import { IngredientsService } from '../ingredients/ingredients.service';
import { LotsService } from '../inventory/lots/lots.service';
import { ReservationsService } from '../inventory/reservations/reservations.service';
import { receiptProblems } from '../purchase-orders/domain/purchase-order';
import { PurchaseOrdersService } from '../purchase-orders/purchase-orders.service';
import { toActor } from '../shared/to-actor';
import { expiredAcceptanceProblems, rejectExpiredAtSignature } from './domain/expired-at-receipt';
import { recordReceipt, signReceipt } from './domain/goods-receipt';
import { lotExpiry } from './domain/lot-expiry';
import { GoodsReceiptDoc, StoredReceiptLine } from './goods-receipt.schema';
import { GoodsReceiptView, RecordReceiptDto } from './goods-receipt.dto';

@Injectable()
export class GoodsReceiptsService {
  constructor(
    @InjectModel(GoodsReceiptDoc.name) private readonly receipts: Model<GoodsReceiptDoc>,
    private readonly purchaseOrders: PurchaseOrdersService,
    private readonly ingredients: IngredientsService,
    private readonly lots: LotsService,
    private readonly reservations: ReservationsService,
    private readonly clock: Clock,
  ) {}

  /** R-PROC-7: the keeper or the chef records what arrived; nothing enters stock yet. */
  async record(
    purchaseOrderId: string,
    dto: RecordReceiptDto,
    caller: Caller,
  ): Promise<GoodsReceiptView> {
    const po = await this.purchaseOrders.load(purchaseOrderId);
    if (po.status === 'closed' || po.status === 'received') {
      throw new DomainError('PO.NOT_OPEN', `purchase order is ${po.status}`, 'conflict');
    }
    const problems = receiptProblems(po, dto.lines);
    if (problems.length > 0)
      throw new DomainError(
        'RECEIPT.EXCEEDS_ORDER',
        'the receipt does not match the purchase order',
        'unprocessable',
        problems,
      );
    const expired = expiredAcceptanceProblems(dto.lines, this.clock.now());
    if (expired.length > 0)
      throw new DomainError(
        'RECEIPT.EXPIRED_GOODS',
        'goods past their best-before are rejected at the door (reason expired)',
        'unprocessable',
        expired,
      );
    const lines: StoredReceiptLine[] = dto.lines.map((l) => {
      const poLine = po.lines.find((p) => p.lineId === l.lineId)!;
      return {
        ...l,
        sku: poLine.sku,
        priceFen: poLine.priceFen,
        priceUnitQuantity: poLine.priceUnitQuantity,
      };
    });
    const receipt = recordReceipt(
      purchaseOrderId,
      po.supplierId,
      lines,
      toActor(caller),
      this.clock.now(),
    );
    const doc = { _id: randomUUID(), ...receipt, lines, stocked: false, version: 1 };
    await this.receipts.create(doc);
    return toView(doc);
  }

  /** R-PROC-7: the second of the two signatures makes the receipt effective and stocks the goods. */
  async sign(id: string, caller: Caller): Promise<GoodsReceiptView> {
    const found = await this.load(id);
    const now = this.clock.now();
    const next = signReceipt(found, toActor(caller), now);
    // R-PROC-7: what expired since it was recorded is kept out at the moment it would enter stock.
    const door =
      next.status === 'effective'
        ? rejectExpiredAtSignature(found.lines, now)
        : { lines: found.lines, rejected: [] };
    const signed = next.history[next.history.length - 1];
    const history =
      door.rejected.length > 0
        ? [
            ...next.history.slice(0, -1),
            {
              ...signed,
              reason: `rejected as expired: ${door.rejected.map((r) => `${r.lineId} ${r.quantity}`).join(', ')}`,
            },
          ]
        : next.history;
    if (next.status === 'effective') {
      // Refuse the signature rather than accept more than the order still expects.
      const po = await this.purchaseOrders.load(found.purchaseOrderId);
      const problems = receiptProblems(po, door.lines);
      if (problems.length > 0)
        throw new DomainError(
          'RECEIPT.EXCEEDS_ORDER',
          'the purchase order no longer expects these quantities',
          'unprocessable',
          problems,
        );
    }
    const saved = await this.receipts
      .updateOne(
        { _id: id, version: found.version },
        {
          $set: {
            status: next.status,
            signatures: next.signatures,
            history,
            ...(door.rejected.length > 0 ? { lines: door.lines } : {}),
            ...(next.status === 'effective' ? { effectiveAt: now } : {}),
          },
          $inc: { version: 1 },
        },
      )
      .exec();
    if (saved.modifiedCount !== 1)
      throw new DomainError(
        'RECEIPT.CONCURRENT_UPDATE',
        `receipt ${id} changed meanwhile; retry`,
        'conflict',
      );
    if (next.status === 'effective') await this.stock(id, caller);
    return toView(await this.load(id));
  }

  /** Finishes receipts that became effective but were not stocked (a crash in between). */
  async stockPending(): Promise<string[]> {
    const pending = await this.receipts.find({ status: 'effective', stocked: false }).lean().exec();
    for (const r of pending) {
      const lastSigner = [r.signatures.chef, r.signatures.warehouse]
        .filter((s) => s !== undefined)
        .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
      await this.stock(r._id, { sub: lastSigner?.by ?? 'system', role: 'warehouse' });
    }
    return pending.map((r) => r._id);
  }

  /** Idempotent: fills the purchase order once, creates the lots once, then retries backorders. */
  async stock(id: string, caller: Caller): Promise<void> {
    const receipt = await this.load(id);
    if (receipt.status !== 'effective' || receipt.stocked) return;
    const receivedAt = receipt.effectiveAt!;
    await this.purchaseOrders.applyReceipt(
      receipt.purchaseOrderId,
      id,
      receipt.lines,
      toActor(caller),
    );
    const catalogue = await this.ingredients.findMany(receipt.lines.map((l) => l.sku));
    for (const line of receipt.lines.filter((l) => l.accepted > 0)) {
      const ingredient = catalogue.get(line.sku);
      if (!ingredient) throw DomainError.notFound('ingredient', line.sku);
      await this.lots.receive(
        {
          lotId: `${id}:${line.lineId}`,
          sku: line.sku,
          supplierId: receipt.supplierId,
          purchaseOrderId: receipt.purchaseOrderId,
          receiptId: id,
          priceFen: line.priceFen,
          priceUnitQuantity: line.priceUnitQuantity,
          receivedAt,
          expiresAt: lotExpiry(receivedAt, ingredient.shelfLifeDays, line.bestBefore),
          quantityReceived: line.accepted,
        },
        id,
        caller.sub,
      );
    }
    await this.receipts.updateOne({ _id: id }, { $set: { stocked: true } }).exec();
    await this.reservations.retryBackorders();
  }

  async get(id: string): Promise<GoodsReceiptView> {
    return toView(await this.load(id));
  }

  async listForSupplier(supplierId: string): Promise<GoodsReceiptDoc[]> {
    return this.receipts.find({ supplierId, status: 'effective' }).lean().exec();
  }

  private async load(id: string): Promise<GoodsReceiptDoc> {
    const found = await this.receipts.findById(id).lean().exec();
    if (!found) throw DomainError.notFound('goods receipt', id);
    return found;
  }
}

function toView(r: GoodsReceiptDoc): GoodsReceiptView {
  return {
    id: r._id,
    purchaseOrderId: r.purchaseOrderId,
    supplierId: r.supplierId,
    status: r.status,
    lines: r.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      accepted: l.accepted,
      rejected: l.rejected,
      rejectionReason: l.rejectionReason,
      bestBefore: l.bestBefore,
    })),
    signatures: r.signatures,
    history: r.history,
  };
}
