/**
 * The one catalogue of event types and their payload classes. Event type
 * `<service>.<aggregate>.<fact>` is published on topic `<service>.<aggregate>.events`;
 * AsyncAPI doc: libs/common/asyncapi.yaml.
 */
import * as aftersales from './aftersales.events';
import * as delivery from './delivery.events';
import * as orders from './orders.events';
import * as procurement from './procurement.events';

export const EVENT_CATALOGUE = {
  'orders.canteen.registered': orders.CanteenSnapshot,
  'orders.canteen.updated': orders.CanteenSnapshot,
  'orders.menu.published': orders.MenuPublished,
  'orders.order.placed': orders.OrderPlaced,
  'orders.order.changed': orders.OrderChanged,
  'orders.order.confirmed': orders.OrderConfirmed,
  'orders.order.backordered': orders.OrderBackordered,
  'orders.order.cancelled': orders.OrderCancelled,

  'procurement.ingredient.registered': procurement.IngredientSnapshot,
  'procurement.ingredient.updated': procurement.IngredientSnapshot,
  'procurement.prices.approved': procurement.WeeklyPricesApproved,
  'procurement.reservation.confirmed': procurement.ReservationConfirmed,
  'procurement.reservation.backordered': procurement.ReservationBackordered,
  'procurement.reservation.released': procurement.ReservationReleased,
  'procurement.reservation.issued': procurement.ReservationIssued,
  'procurement.returned-goods.inspected': procurement.ReturnedGoodsInspected,

  'delivery.delivery.scheduled': delivery.DeliveryScheduled,
  'delivery.delivery.dispatched': delivery.DeliveryDispatched,
  'delivery.delivery.at-risk': delivery.DeliveryAtRisk,
  'delivery.delivery.breached': delivery.DeliveryBreached,
  'delivery.delivery.breach-waived': delivery.DeliveryBreachWaived,
  'delivery.delivery.completed': delivery.DeliveryCompleted,
  'delivery.delivery.early-departure': delivery.DriverLeftEarly,

  'aftersales.exchange.approved': aftersales.ExchangeApproved,
  'aftersales.return.approved': aftersales.ReturnApproved,
} as const;

export type EventType = keyof typeof EVENT_CATALOGUE;
export type PayloadOf<T extends EventType> = InstanceType<(typeof EVENT_CATALOGUE)[T]>;

export function topicOf(type: string): string {
  const parts = type.split('.');
  if (parts.length !== 3)
    throw new RangeError(`event type must be <service>.<aggregate>.<fact>: ${type}`);
  return `${parts[0]}.${parts[1]}.events`;
}

export const ALL_TOPICS: string[] = [...new Set(Object.keys(EVENT_CATALOGUE).map(topicOf))];

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}
