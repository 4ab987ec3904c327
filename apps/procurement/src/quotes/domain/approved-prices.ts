/** R-PROC-5: the week's approved prices are the lines of its approved quotes. */
import { UnitPrice } from '../../shared/domain/unit-price';
import { Quote } from './quote';

export interface ApprovedPriceLine extends UnitPrice {
  sku: string;
  supplierId: string;
}

export function approvedPricesOf(
  quotes: Pick<Quote, 'supplierId' | 'status' | 'lines'>[],
): ApprovedPriceLine[] {
  return quotes
    .filter((q) => q.status === 'approved')
    .flatMap((q) =>
      q.lines.map((l) => ({
        sku: l.sku,
        supplierId: q.supplierId,
        priceFen: l.priceFen,
        priceUnitQuantity: l.priceUnitQuantity,
      })),
    )
    .sort((a, b) => a.sku.localeCompare(b.sku) || a.supplierId.localeCompare(b.supplierId));
}
