import { call, enc } from './http';

export type Meal = 'breakfast' | 'lunch' | 'dinner';
export interface Dish {
  dishId: string;
  name: string;
  pricePerPortion: string;
  recipe: { sku: string; quantityPerPortion: number }[];
}
export interface Offering {
  date: string;
  meal: Meal;
  dishId: string;
}
export interface Menu {
  menuId?: string;
  week: string;
  version: number;
  status: 'draft' | 'published';
  dishes: Dish[];
  offerings: Offering[];
  publishedAt?: string;
  publishedBy?: string;
  [k: string]: unknown;
}
export interface Canteen {
  id: string;
  name: string;
  address: string;
}

export interface OrderLine {
  lineId: string;
  kind: 'dish' | 'ingredient';
  itemId: string;
  name: string;
  quantity: number;
  unitPrice: string;
  amount: string;
  date?: string;
  meal?: Meal;
}
export interface Order {
  id: string;
  canteenId: string;
  status: string;
  revision: number;
  placedAt: string;
  requestedTime?: string;
  urgent: boolean;
  lines: OrderLine[];
  total: string;
  missing: { sku: string; quantity: number }[];
}
export interface OrderRequest {
  dishes: { dishId: string; date: string; meal: Meal; portions: number; notes?: string }[];
  ingredients: { sku: string; quantity: number }[];
  requestedTime?: string;
}

const O = 'orders' as const;
export const ordersApi = {
  canteens: () => call<Canteen[]>(O, 'GET', '/canteens'),
  menu: (week: string) => call<Menu>(O, 'GET', `/menus/${enc(week)}`),
  versions: (week: string) => call<Menu[]>(O, 'GET', `/menus/${enc(week)}/versions`),
  saveDraft: (week: string, draft: { dishes: Dish[]; offerings: Offering[] }) =>
    call<Menu>(O, 'PUT', `/menus/${enc(week)}/draft`, { body: draft }),
  orders: () => call<Order[]>(O, 'GET', '/orders'),
  placeOrder: (request: OrderRequest, idempotencyKey: string) =>
    call<Order>(O, 'POST', '/orders', {
      body: request,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  cancelOrder: (id: string) => call<Order>(O, 'POST', `/orders/${enc(id)}/cancel`),
  publish: (week: string) => call<Menu>(O, 'POST', `/menus/${enc(week)}/publish`),
};
