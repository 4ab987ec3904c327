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

const O = 'orders' as const;
export const ordersApi = {
  canteens: () => call<Canteen[]>(O, 'GET', '/canteens'),
  menu: (week: string) => call<Menu>(O, 'GET', `/menus/${enc(week)}`),
  versions: (week: string) => call<Menu[]>(O, 'GET', `/menus/${enc(week)}/versions`),
  saveDraft: (week: string, draft: { dishes: Dish[]; offerings: Offering[] }) =>
    call<Menu>(O, 'PUT', `/menus/${enc(week)}/draft`, { body: draft }),
  publish: (week: string) => call<Menu>(O, 'POST', `/menus/${enc(week)}/publish`),
};
