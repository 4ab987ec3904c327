/** Shapes of the services' answers that the console reads (see each service's /docs-json). */
export interface HistoryEntry {
  action?: string;
  step?: string;
  from?: string | null;
  to?: string;
  by?: string;
  actorId?: string;
  role?: string;
  actorRole?: string;
  at: string;
  note?: string;
  reason?: string;
}

export interface UnitPriceView {
  price: string;
  priceUnitQuantity: number;
}

export interface Ingredient {
  sku: string;
  name: string;
  unit: 'g' | 'ml' | 'piece';
  category: string;
  shelfLifeDays?: number;
  removalStrategy?: 'fifo' | 'fefo';
}

export interface Supplier {
  id: string;
  name: string;
  contact: { name: string; phone: string };
  skus: string[];
}
