import { fenToYuan } from '@app/common';
import type { Order } from './domain/order';
import type { OrderView } from './order.dto';

const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined);

export function toOrderView(o: Order): OrderView {
  return {
    id: o.orderId,
    canteenId: o.canteenId,
    status: o.status,
    revision: o.revision,
    placedAt: iso(o.placedAt)!,
    requestedTime: iso(o.requestedTime),
    needBy: iso(o.needBy),
    mealStartsAt: iso(o.mealStartsAt),
    urgent: o.urgent,
    replacementFor: o.replacementFor,
    lines: o.lines.map((l) => ({
      lineId: l.lineId,
      kind: l.kind,
      itemId: l.itemId,
      name: l.name,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: fenToYuan(l.price.baseFen),
      priceQuantity: l.price.perQuantity,
      markupBp: l.price.markupBp,
      amount: fenToYuan(l.amountFen),
      notes: l.notes,
      date: l.dish?.date,
      meal: l.dish?.meal,
      menuVersion: l.dish?.menuVersion,
    })),
    total: fenToYuan(o.totalFen),
    ingredientDemand: o.ingredientDemand,
    missing: o.missing,
    confirmedAt: iso(o.confirmedAt),
    dispatchedAt: iso(o.dispatchedAt),
    cancelledAt: iso(o.cancelledAt),
    delivery: o.delivery && {
      deliveryId: o.delivery.deliveryId,
      deliveredAt: iso(o.delivery.deliveredAt)!,
      acceptedAmount: fenToYuan(o.delivery.acceptedAmountFen),
      lines: o.delivery.lines.map(({ lineId, acceptedQuantity, rejectedQuantity }) => ({
        lineId,
        acceptedQuantity,
        rejectedQuantity,
      })),
    },
  };
}
