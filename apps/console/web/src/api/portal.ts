import { currentSession } from '../auth/session';
import { toApiError } from '../lib/api-error';
import type { Delivery } from './delivery';
import { call, enc } from './http';
import type { Meal, Order } from './orders';

/** GET /catalogue/:week (orders): what a canteen may order that week, at its own prices. */
export interface CatalogueDish {
  dishId: string;
  name: string;
  pricePerPortion: string;
}
export interface CatalogueMeal {
  date: string;
  meal: Meal;
  startsAt: string;
  orderable: boolean;
  dishes: CatalogueDish[];
}
export interface CatalogueIngredient {
  sku: string;
  name: string;
  unit: string;
  price: string;
  priceUnitQuantity: number;
}
export interface WeekCatalogue {
  week: string;
  canteenId?: string;
  markupBp: number;
  menu?: { menuId: string; version: number; meals: CatalogueMeal[] };
  ingredients: CatalogueIngredient[];
}

/** The body of placing and of changing an order (a change replaces the order's content). */
export interface PortalOrderRequest {
  dishes: { dishId: string; date: string; meal: Meal; portions: number; notes?: string }[];
  ingredients: { sku: string; quantity: number; notes?: string }[];
  requestedTime?: string;
  urgent?: boolean;
  needBy?: string;
}
export interface PortalOrder extends Order {
  needBy?: string;
  confirmedAt?: string;
  dispatchedAt?: string;
  cancelledAt?: string;
  lines: (Order['lines'][number] & { notes?: string; unit?: string })[];
}

export interface Proof {
  receiverName: string;
  receivedAt: string;
  signatureRef?: string;
  photoRef?: string;
}
export interface PortalDelivery extends Delivery {
  pickedUpAt?: string;
  arrivedAt?: string;
  departedAt?: string;
  proof?: Proof;
  acceptance?: {
    lineId: string;
    acceptedQuantity: number;
    rejectedQuantity: number;
    rejectionReason?: string;
  }[];
}
export interface ProofImage {
  id: string;
  ref: string;
  deliveryId: string;
  kind: 'signature' | 'photo';
  contentType: string;
  size: number;
}

export interface Statement {
  canteenId: string;
  month: string;
  deliveries: { orderId: string; deliveredAt: string; amount: string }[];
  credits: { returnId: string; orderId: string; approvedAt: string; amount: string }[];
  delivered: string;
  credited: string;
  balance: string;
}

/** A non-JSON answer (an image), read with the signed-in caller's token. */
async function blob(path: string): Promise<Blob> {
  const session = currentSession();
  const res = await fetch(path, {
    headers: session ? { authorization: `Bearer ${session.token}` } : {},
  });
  if (!res.ok) {
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* keep the text */
    }
    throw toApiError(res.status, parsed);
  }
  return res.blob();
}

export const portalApi = {
  catalogue: (week: string) => call<WeekCatalogue>('orders', 'GET', `/catalogue/${enc(week)}`),
  orders: () => call<PortalOrder[]>('orders', 'GET', '/orders'),
  order: (id: string) => call<PortalOrder>('orders', 'GET', `/orders/${enc(id)}`),
  place: (body: PortalOrderRequest, idempotencyKey: string) =>
    call<PortalOrder>('orders', 'POST', '/orders', {
      body,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  change: (id: string, body: PortalOrderRequest) =>
    call<PortalOrder>('orders', 'PUT', `/orders/${enc(id)}`, { body }),
  cancel: (id: string) => call<PortalOrder>('orders', 'POST', `/orders/${enc(id)}/cancel`),
  deliveries: (query: { orderId?: string } = {}) =>
    call<PortalDelivery[]>('delivery', 'GET', '/deliveries', { query }),
  proofImages: (deliveryId: string) =>
    call<ProofImage[]>('delivery', 'GET', `/deliveries/${enc(deliveryId)}/proof-images`),
  proofImage: (deliveryId: string, imageId: string) =>
    blob(`/api/delivery/deliveries/${enc(deliveryId)}/proof-images/${enc(imageId)}`),
  statement: (canteenId: string, month: string) =>
    call<Statement>('orders', 'GET', `/canteens/${enc(canteenId)}/statements/${enc(month)}`),
};
