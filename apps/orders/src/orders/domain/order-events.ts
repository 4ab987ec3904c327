/**
 * The facts the order aggregate publishes, typed by the shared contracts.
 */
import type {
  OrderBackordered,
  OrderCancelled,
  OrderConfirmed,
  OrderFacts,
  OrderLineInfo,
} from '@app/common/messaging/contracts/orders.events';
import { exactPriceOf, unitPriceFen } from './line-pricing';
import type { Order } from './order';

export type OrderEvent =
  | { type: 'orders.order.placed'; payload: OrderFacts }
  | { type: 'orders.order.changed'; payload: OrderFacts }
  | { type: 'orders.order.confirmed'; payload: OrderConfirmed }
  | { type: 'orders.order.backordered'; payload: OrderBackordered }
  | { type: 'orders.order.cancelled'; payload: OrderCancelled };

function lineInfo(line: Order['lines'][number]): OrderLineInfo {
  return {
    lineId: line.lineId,
    kind: line.kind,
    itemId: line.itemId,
    name: line.name,
    quantity: line.quantity,
    unit: line.unit,
    unitPriceFen: unitPriceFen(line.price),
    price: exactPriceOf(line.price),
    amountFen: line.amountFen,
    ...(line.notes ? { notes: line.notes } : {}),
  };
}

/** What procurement and delivery need to know about the current revision of an order. */
export function orderFactsOf(order: Order): OrderFacts {
  return {
    orderId: order.orderId,
    canteenId: order.canteenId,
    placedAt: order.placedAt.toISOString(),
    ...(order.requestedTime ? { requestedTime: order.requestedTime.toISOString() } : {}),
    ...(order.needBy ? { needBy: order.needBy.toISOString() } : {}),
    ...(order.mealStartsAt ? { mealStartsAt: order.mealStartsAt.toISOString() } : {}),
    urgent: order.urgent,
    ...(order.replacementFor ? { replacementForExchangeId: order.replacementFor.exchangeId } : {}),
    lines: order.lines.map(lineInfo),
    ingredientDemand: order.ingredientDemand.map(({ sku, quantity }) => ({ sku, quantity })),
    revision: order.revision,
  };
}
