import { Actor } from '../../shared/domain/actor';
import { ApprovedPriceLine } from '../../quotes/domain/approved-prices';
import {
  applyReceipt,
  closePurchaseOrder,
  newPurchaseOrder,
  NewPurchaseOrderLine,
  openQuantity,
  orderTotalFen,
  PurchaseOrder,
} from './purchase-order';

const now = new Date('2026-03-09T01:00:00Z');
const buyer: Actor = { userId: 'u-buyer', role: 'buyer' };
const warehouse: Actor = { userId: 'u-wh', role: 'warehouse' };

function anApprovedPrice(overrides: Partial<ApprovedPriceLine> = {}): ApprovedPriceLine {
  return {
    sku: 'PORK-BELLY',
    supplierId: 'SUP-1',
    priceFen: 2800,
    priceUnitQuantity: 1000,
    ...overrides,
  };
}
function aLine(overrides: Partial<NewPurchaseOrderLine> = {}): NewPurchaseOrderLine {
  return {
    sku: 'PORK-BELLY',
    quantity: 10_000,
    priceFen: 2800,
    priceUnitQuantity: 1000,
    ...overrides,
  };
}
function anOrder(lines = [aLine()]): PurchaseOrder {
  return newPurchaseOrder('2026-W11', 'SUP-1', lines, [anApprovedPrice()], buyer, now);
}

describe('purchase order', () => {
  it('R-PROC-5: a purchase order at the approved price is created with open lines', () => {
    const po = anOrder();
    expect(po.status).toBe('open');
    expect(openQuantity(po.lines[0])).toBe(10_000);
    expect(orderTotalFen(po)).toBe(28_000);
  });

  it('R-PROC-5: the same price in another unit (14.00 per 500 g) is the approved price', () => {
    expect(anOrder([aLine({ priceFen: 1400, priceUnitQuantity: 500 })]).status).toBe('open');
  });

  it('R-PROC-5: another price is refused with a clear error naming the line and the approved price', () => {
    expect(() => anOrder([aLine({ priceFen: 2900 })])).toThrow(
      expect.objectContaining({
        code: 'PO.PRICE_NOT_APPROVED',
        fields: [{ field: 'lines[0].price', reason: expect.stringContaining('2800 fen per 1000') }],
      }),
    );
  });

  it('R-PROC-5: an ingredient without an approved price from that supplier is refused', () => {
    expect(() =>
      newPurchaseOrder('2026-W11', 'SUP-2', [aLine()], [anApprovedPrice()], buyer, now),
    ).toThrow(
      expect.objectContaining({
        code: 'PO.PRICE_NOT_APPROVED',
        fields: [expect.objectContaining({ field: 'lines[0].sku' })],
      }),
    );
  });

  it('R-PROC-7: partial receipts leave the rest open; rejected goods stay open for redelivery', () => {
    const partly = applyReceipt(
      anOrder(),
      [{ lineId: 'L1', accepted: 6000, rejected: 1000 }],
      warehouse,
      now,
    );
    expect(partly.status).toBe('partially-received');
    expect(openQuantity(partly.lines[0])).toBe(4000);
    const full = applyReceipt(
      partly,
      [{ lineId: 'L1', accepted: 4000, rejected: 0 }],
      warehouse,
      now,
    );
    expect(full.status).toBe('received');
  });

  it('R-PROC-7: accepting more than is still open is refused and changes nothing', () => {
    const po = anOrder();
    expect(() =>
      applyReceipt(po, [{ lineId: 'L1', accepted: 10_001, rejected: 0 }], warehouse, now),
    ).toThrow(expect.objectContaining({ code: 'RECEIPT.EXCEEDS_ORDER' }));
    expect(po.lines[0].acceptedQuantity).toBe(0);
  });

  it('R-PROC-7: the buyer closes an order whose rest will not come; nothing more is received on it', () => {
    const closed = closePurchaseOrder(anOrder(), 'supplier out of stock', buyer, now);
    expect(() =>
      applyReceipt(closed, [{ lineId: 'L1', accepted: 1, rejected: 0 }], warehouse, now),
    ).toThrow(expect.objectContaining({ code: 'PO.NOT_OPEN' }));
  });
});
