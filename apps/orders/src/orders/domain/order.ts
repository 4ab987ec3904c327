/**
 * The order aggregate as the domain sees it: plain data, no persistence concerns.
 */
import type { Meal } from '@app/common/messaging/contracts/constants';
import type { RecipeLine } from '../../menus/domain/weekly-menu';

export type OrderStatus =
  | 'placed'
  | 'confirmed'
  | 'backordered'
  | 'dispatched'
  | 'delivered'
  | 'partially-delivered'
  | 'cancelled';

/**
 * A line's price: `baseFen` per `perQuantity` units, plus a markup in basis points. Approved
 * ingredient prices are quoted per pack (1200 fen per 1000 g), so keeping the ratio avoids
 * rounding a per-gram price before it is multiplied.
 */
export interface LinePrice {
  baseFen: number;
  perQuantity: number;
  markupBp: number;
}

export interface DishDetails {
  date: string;
  meal: Meal;
  menuId: string;
  menuVersion: number;
  recipe: RecipeLine[];
}

export interface OrderLine {
  lineId: string;
  kind: 'dish' | 'ingredient';
  /** Dish id or ingredient SKU. */
  itemId: string;
  name: string;
  /** Portions of a dish, base units of an ingredient. */
  quantity: number;
  unit: string;
  price: LinePrice;
  amountFen: number;
  notes?: string;
  dish?: DishDetails;
}

export interface SkuAmount {
  sku: string;
  quantity: number;
}

export interface DeliveredLineRecord {
  lineId: string;
  acceptedQuantity: number;
  rejectedQuantity: number;
  acceptedAmountFen: number;
}

export interface DeliveryRecord {
  deliveryId: string;
  deliveredAt: Date;
  lines: DeliveredLineRecord[];
  acceptedAmountFen: number;
}

export interface ReplacementLink {
  exchangeId: string;
  originalOrderId: string;
}

export interface Order {
  orderId: string;
  canteenId: string;
  status: OrderStatus;
  /** Increments on every change; procurement answers quote it, stale answers are ignored. */
  revision: number;
  placedAt: Date;
  requestedTime?: Date;
  needBy?: Date;
  mealStartsAt?: Date;
  urgent: boolean;
  replacementFor?: ReplacementLink;
  lines: OrderLine[];
  ingredientDemand: SkuAmount[];
  totalFen: number;
  /** Quantities procurement could not reserve (R-ORD-2), while backordered. */
  missing: SkuAmount[];
  confirmedAt?: Date;
  dispatchedAt?: Date;
  cancelledAt?: Date;
  delivery?: DeliveryRecord;
}

/** Statuses in which the canteen may still change or cancel (R-ORD-4). */
export const CHANGEABLE_STATUSES: readonly OrderStatus[] = ['placed', 'confirmed', 'backordered'];
