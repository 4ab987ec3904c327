import { Injectable } from '@nestjs/common';
import { Caller, Clock } from '@app/common';
import { isExpired } from '../goods-receipts/domain/lot-expiry';
import { stockAt } from './domain/stock-at';
import { LotDoc } from './lots/lot.schema';
import { LotsService } from './lots/lots.service';
import { ReservationsService } from './reservations/reservations.service';
import {
  LotQueryDto,
  LotView,
  ReservationView,
  ReturnToSupplierDto,
  StockView,
} from './inventory.dto';

/** The HTTP face of stock: lots, the ledger, stock per ingredient, warehouse moves. */
@Injectable()
export class InventoryService {
  constructor(
    private readonly lots: LotsService,
    private readonly reservations: ReservationsService,
    private readonly clock: Clock,
  ) {}

  async lotsList(query: LotQueryDto): Promise<LotView[]> {
    const now = this.clock.now();
    return (await this.lots.list(query)).map((l) => toLotView(l, now));
  }

  /** R-INV-4: stock per ingredient, as the ledger's sum; R-INV-2: judged by the clock now. */
  async stock(): Promise<StockView[]> {
    const [ledger, lots] = await Promise.all([this.lots.ledger(), this.lots.list({})]);
    const expiry = new Map(lots.map((l) => [l._id, l.expiresAt]));
    return stockAt(ledger, expiry, this.clock.now());
  }

  ledger(sku?: string) {
    return this.lots.ledger({ sku });
  }

  async writeOff(lotId: string, reason: string, caller: Caller): Promise<LotView> {
    const now = this.clock.now();
    return toLotView(await this.lots.writeOff(lotId, reason, caller.sub, now), now);
  }

  async returnToSupplier(
    lotId: string,
    dto: ReturnToSupplierDto,
    caller: Caller,
  ): Promise<LotView> {
    const now = this.clock.now();
    return toLotView(
      await this.lots.returnToSupplier(lotId, dto.quantity, dto.reason, caller.sub, now),
      now,
    );
  }

  async quarantineExpired(): Promise<string[]> {
    return this.lots.quarantineExpired(this.clock.now());
  }

  async reservation(orderId: string): Promise<ReservationView> {
    const r = await this.reservations.get(orderId);
    return {
      orderId: r._id,
      revision: r.revision,
      status: r.status,
      ...(r.placedAt ? { placedAt: r.placedAt } : {}),
      ...(r.usableUntil ? { usableUntil: r.usableUntil } : {}),
      demand: r.demand,
      allocations: r.allocations,
      missing: r.missing,
    };
  }

  shortages() {
    return this.reservations.shortages();
  }
}

export function toLotView(l: LotDoc, now: Date): LotView {
  return {
    lotId: l._id,
    sku: l.sku,
    ...(l.supplierId ? { supplierId: l.supplierId } : {}),
    ...(l.purchaseOrderId ? { purchaseOrderId: l.purchaseOrderId } : {}),
    ...(l.returnId ? { returnId: l.returnId } : {}),
    receivedAt: l.receivedAt,
    expiresAt: l.expiresAt,
    quantityReceived: l.quantityReceived,
    onHand: l.onHand,
    available: l.available,
    status: l.status,
    expired: isExpired(l.expiresAt, now),
  };
}
