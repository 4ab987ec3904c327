/**
 * A purchase order to one designated supplier for one week, only at that supplier's approved
 * price of the week (R-PROC-5). Receipts fill its lines; it tracks what is still open.
 */
import { DomainError, FieldProblem } from '@app/common/errors/domain-error';
import { Actor, requireRole } from '../../shared/domain/actor';
import { record, TransitionRecord } from '../../shared/domain/transition-record';
import {
  amountFor,
  assertUnitPrice,
  compareUnitPrices,
  UnitPrice,
} from '../../shared/domain/unit-price';
import { ApprovedPriceLine } from '../../quotes/domain/approved-prices';

export type PurchaseOrderStatus = 'open' | 'partially-received' | 'received' | 'closed';

export interface PurchaseOrderLine extends UnitPrice {
  lineId: string;
  sku: string;
  quantity: number;
  /** Accepted at the door so far; rejected goods stay open for redelivery. */
  acceptedQuantity: number;
  rejectedQuantity: number;
}

export interface PurchaseOrder {
  week: string;
  supplierId: string;
  status: PurchaseOrderStatus;
  lines: PurchaseOrderLine[];
  history: TransitionRecord<PurchaseOrderStatus>[];
}

export interface NewPurchaseOrderLine extends UnitPrice {
  sku: string;
  quantity: number;
}

export function newPurchaseOrder(
  week: string,
  supplierId: string,
  lines: NewPurchaseOrderLine[],
  approved: ApprovedPriceLine[],
  actor: Actor,
  now: Date,
): PurchaseOrder {
  requireRole(actor, ['buyer'], 'create purchase orders');
  if (lines.length === 0) {
    throw new DomainError('PO.EMPTY', 'a purchase order needs at least one line', 'invalid', [
      { field: 'lines', reason: 'must not be empty' },
    ]);
  }
  const problems: FieldProblem[] = [];
  lines.forEach((line, i) => {
    assertUnitPrice(line, `lines[${i}]`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      problems.push({
        field: `lines[${i}].quantity`,
        reason: 'must be a positive integer in the base unit',
      });
    }
    const price = approved.find((p) => p.sku === line.sku && p.supplierId === supplierId);
    if (!price) {
      problems.push({
        field: `lines[${i}].sku`,
        reason: `no approved price of ${line.sku} from this supplier in ${week}`,
      });
    } else if (compareUnitPrices(line, price) !== 0) {
      problems.push({
        field: `lines[${i}].price`,
        reason: `must be the approved price ${price.priceFen} fen per ${price.priceUnitQuantity} base units`,
      });
    }
  });
  if (problems.length > 0) {
    throw new DomainError(
      'PO.PRICE_NOT_APPROVED',
      "purchase orders are placed only at the week's approved prices",
      'unprocessable',
      problems,
    );
  }
  return {
    week,
    supplierId,
    status: 'open',
    lines: lines.map((l, i) => ({
      ...l,
      lineId: `L${i + 1}`,
      acceptedQuantity: 0,
      rejectedQuantity: 0,
    })),
    history: [record('created', null, 'open', actor, now)],
  };
}

export function openQuantity(line: PurchaseOrderLine): number {
  return Math.max(0, line.quantity - line.acceptedQuantity);
}

export interface ReceivedLine {
  lineId: string;
  accepted: number;
  rejected: number;
}

/** R-PROC-7: an effective (dual-signed) receipt fills the order's lines. */
export function applyReceipt(
  po: PurchaseOrder,
  received: ReceivedLine[],
  actor: Actor,
  now: Date,
): PurchaseOrder {
  if (po.status === 'closed' || po.status === 'received') {
    throw new DomainError('PO.NOT_OPEN', `purchase order is ${po.status}`, 'conflict');
  }
  const problems = receiptProblems(po, received);
  if (problems.length > 0) {
    throw new DomainError(
      'RECEIPT.EXCEEDS_ORDER',
      'more accepted than the purchase order still expects',
      'unprocessable',
      problems,
    );
  }
  const lines = po.lines.map((line) => {
    const r = received.filter((x) => x.lineId === line.lineId);
    return {
      ...line,
      acceptedQuantity: line.acceptedQuantity + r.reduce((s, x) => s + x.accepted, 0),
      rejectedQuantity: line.rejectedQuantity + r.reduce((s, x) => s + x.rejected, 0),
    };
  });
  const status: PurchaseOrderStatus = lines.every((l) => openQuantity(l) === 0)
    ? 'received'
    : 'partially-received';
  return {
    ...po,
    status,
    lines,
    history: [...po.history, record('goods received', po.status, status, actor, now)],
  };
}

export function receiptProblems(
  po: Pick<PurchaseOrder, 'lines'>,
  received: ReceivedLine[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  received.forEach((r, i) => {
    const line = po.lines.find((l) => l.lineId === r.lineId);
    if (!line)
      problems.push({ field: `lines[${i}].lineId`, reason: 'not a line of this purchase order' });
    else if (r.accepted > openQuantity(line)) {
      problems.push({
        field: `lines[${i}].accepted`,
        reason: `only ${openQuantity(line)} still open on line ${line.lineId}`,
      });
    }
  });
  return problems;
}

/** The buyer gives up what is still open (e.g. the supplier cannot redeliver rejected goods). */
export function closePurchaseOrder(
  po: PurchaseOrder,
  reason: string,
  actor: Actor,
  now: Date,
): PurchaseOrder {
  requireRole(actor, ['buyer'], 'close purchase orders');
  if (po.status === 'closed')
    throw new DomainError('PO.NOT_OPEN', 'purchase order is already closed', 'conflict');
  return {
    ...po,
    status: 'closed',
    history: [...po.history, record('closed', po.status, 'closed', actor, now, reason)],
  };
}

export function orderTotalFen(po: Pick<PurchaseOrder, 'lines'>): number {
  return po.lines.reduce((sum, l) => sum + amountFor(l, l.quantity), 0);
}
