import { Injectable } from '@nestjs/common';
import { Caller, Clock } from '@app/common';
import { rebuildStock } from './domain/stock-ledger';
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
    return (await this.lots.list(query)).map(toLotView);
  }

  /** R-INV-4: stock per ingredient, as the ledger's sum. */
  async stock(): Promise<StockView[]> {
    const rebuilt = rebuildStock(await this.lots.ledger());
    return [...rebuilt.bySku]
      .map(([sku, b]) => ({ sku, ...b }))
      .sort((a, b) => a.sku.localeCompare(b.sku));
  }

  ledger(sku?: string) {
    return this.lots.ledger({ sku });
  }

  async writeOff(lotId: string, reason: string, caller: Caller): Promise<LotView> {
    return toLotView(await this.lots.writeOff(lotId, reason, caller.sub, this.clock.now()));
  }

  async returnToSupplier(
    lotId: string,
    dto: ReturnToSupplierDto,
    caller: Caller,
  ): Promise<LotView> {
    return toLotView(
      await this.lots.returnToSupplier(
        lotId,
        dto.quantity,
        dto.reason,
        caller.sub,
        this.clock.now(),
      ),
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

export function toLotView(l: LotDoc): LotView {
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
  };
}
