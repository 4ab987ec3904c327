/**
 * R-AS-6: an approved exchange becomes a replacement order — urgent, at no charge, due by the time
 * the canteen named, linked to the original order and its exchange.
 */
import { DomainError } from '@app/common/errors/domain-error';
import { ingredientDemandOf } from './ingredient-demand';
import { NO_CHARGE } from './line-pricing';
import type { OrderLine } from './order';
import type { Order } from './order';
import type { PricedOrder } from './order-placement';

export interface ApprovedExchange {
  exchangeId: string;
  canteenId: string;
  originalOrderId: string;
  needBy: Date;
  lines: { lineId: string; quantity: number }[];
}

export function replacementFor(original: Order, exchange: ApprovedExchange): PricedOrder {
  if (original.canteenId !== exchange.canteenId || original.orderId !== exchange.originalOrderId) {
    throw new DomainError(
      'ORDER.EXCHANGE_MISMATCH',
      `exchange ${exchange.exchangeId} does not belong to order ${original.orderId} of canteen ${original.canteenId}`,
      'unprocessable',
    );
  }
  const lines: OrderLine[] = exchange.lines.map((requested, i) => {
    const line = original.lines.find((l) => l.lineId === requested.lineId);
    if (!line) {
      throw new DomainError(
        'ORDER.EXCHANGE_UNKNOWN_LINE',
        `order ${original.orderId} has no line ${requested.lineId}`,
        'unprocessable',
        [{ field: `lines[${i}].lineId`, reason: 'not a line of the original order' }],
      );
    }
    return {
      ...line,
      lineId: `L${i + 1}`,
      quantity: requested.quantity,
      price: NO_CHARGE,
      amountFen: 0,
      notes: `replaces ${original.orderId}/${line.lineId}`,
    };
  });
  // The original meal may be over; a replacement is due by the canteen's need-by time alone.
  return {
    lines,
    ingredientDemand: ingredientDemandOf(lines),
    totalFen: 0,
    urgent: true,
    needBy: exchange.needBy,
  };
}
