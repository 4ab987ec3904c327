import { Injectable } from '@nestjs/common';
import { Caller, DomainError, fenToYuan, supplierScope } from '@app/common';
import { GoodsReceiptsService } from '../goods-receipts/goods-receipts.service';
import { LotsService } from '../inventory/lots/lots.service';
import { SuppliersService } from '../suppliers/suppliers.service';
import { monthlyStatement, SettlementEntry } from './domain/monthly-statement';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface StatementView {
  supplierId: string;
  month: string;
  lines: { kind: string; at: Date; sku: string; quantity: number; ref: string; amount: string }[];
  received: string;
  returned: string;
  payable: string;
}

@Injectable()
export class SettlementService {
  constructor(
    private readonly receipts: GoodsReceiptsService,
    private readonly lots: LotsService,
    private readonly suppliers: SuppliersService,
  ) {}

  /** R-PROC-6: received at the purchase-order (approved) price minus goods returned to the supplier. */
  async statement(supplierId: string, month: string, caller: Caller): Promise<StatementView> {
    if (!MONTH.test(month))
      throw new DomainError('SETTLEMENT.INVALID_MONTH', 'month must be YYYY-MM', 'invalid', [
        { field: 'month', reason: 'must be YYYY-MM' },
      ]);
    const scope = supplierScope(caller);
    if (scope.supplierId && scope.supplierId !== supplierId)
      throw DomainError.notFound('supplier', supplierId);
    await this.suppliers.get(supplierId);
    const received: SettlementEntry[] = (await this.receipts.listForSupplier(supplierId)).flatMap(
      (r) =>
        r.lines
          .filter((l) => l.accepted > 0)
          .map((l) => ({
            kind: 'received' as const,
            at: r.effectiveAt!,
            sku: l.sku,
            quantity: l.accepted,
            priceFen: l.priceFen,
            priceUnitQuantity: l.priceUnitQuantity,
            ref: `${r.purchaseOrderId}/${r._id}`,
          })),
    );
    const lots = new Map((await this.lots.list({ supplierId })).map((l) => [l._id, l]));
    const returned: SettlementEntry[] = (await this.lots.ledger({ kind: 'return-to-supplier' }))
      .filter((e) => lots.has(e.lotId))
      .map((e) => {
        const lot = lots.get(e.lotId)!;
        return {
          kind: 'returned' as const,
          at: e.at,
          sku: e.sku,
          quantity: -e.onHandDelta,
          priceFen: lot.priceFen ?? 0,
          priceUnitQuantity: lot.priceUnitQuantity ?? 1,
          ref: e.lotId,
        };
      });
    const s = monthlyStatement(supplierId, month, [...received, ...returned]);
    return {
      supplierId,
      month,
      lines: s.lines.map((l) => ({
        kind: l.kind,
        at: l.at,
        sku: l.sku,
        quantity: l.quantity,
        ref: l.ref,
        amount: fenToYuan(l.amountFen),
      })),
      received: fenToYuan(s.receivedFen),
      returned: fenToYuan(s.returnedFen),
      payable: fenToYuan(s.payableFen),
    };
  }
}
