import { call, enc } from './http';
import type { HistoryEntry, Ingredient, Supplier, UnitPriceView } from './types';

export interface Observation extends UnitPriceView {
  sku: string;
  sourceName: string;
  contactName: string;
  contactPhone: string;
}
export interface Survey {
  week: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  requiredSkus: string[];
  observations: Observation[];
  compilers: string[];
  returnReason?: string;
  history: HistoryEntry[];
  problems: { field: string; reason: string }[];
}
export interface LineVerification {
  sku: string;
  /** Survey median in fen per base unit; absent when the survey has no price for the sku. */
  medianPerBaseUnit?: number;
  deviationPercent?: number;
  flagged: boolean;
  justification?: string;
}
export interface Quote {
  week: string;
  supplierId: string;
  status: 'submitted' | 'verified' | 'approved' | 'rejected';
  revision: number;
  lines: (UnitPriceView & { sku: string })[];
  verification?: { by: string; at: string; tolerancePercent: number; lines: LineVerification[] };
  rejectionReason?: string;
  history: HistoryEntry[];
}
export interface Round {
  week: string;
  deadline: string;
  open: boolean;
  approvedPrices: { sku: string; supplierId: string; price: string; priceUnitQuantity: number }[];
  [k: string]: unknown;
}
export interface PurchaseOrderLine extends UnitPriceView {
  lineId: string;
  sku: string;
  quantity: number;
  acceptedQuantity: number;
  rejectedQuantity: number;
  openQuantity: number;
}
export interface PurchaseOrder {
  id: string;
  week: string;
  supplierId: string;
  status: string;
  lines: PurchaseOrderLine[];
  totalYuan: string;
  history: HistoryEntry[];
}
export interface ReceiptLineInput {
  lineId: string;
  accepted: number;
  rejected: number;
  rejectionReason?: string;
  bestBefore?: string;
}
export interface GoodsReceipt {
  id: string;
  purchaseOrderId: string;
  status: 'awaiting-signatures' | 'effective';
  signatures: Partial<Record<'chef' | 'warehouse', { by: string; at: string }>>;
  history: HistoryEntry[];
  [k: string]: unknown;
}
export interface Lot {
  lotId: string;
  sku: string;
  supplierId?: string;
  purchaseOrderId?: string;
  receivedAt: string;
  expiresAt: string;
  quantityReceived: number;
  onHand: number;
  available: number;
  status: string;
}
export interface Replenishment {
  sku: string;
  suggestedQuantity?: number;
  [k: string]: unknown;
}
export interface Statement {
  supplierId: string;
  month: string;
  lines: { kind: string; at: string; sku: string; quantity: number; ref: string; amount: string }[];
  received: string;
  returned: string;
  payable: string;
}

const P = 'procurement' as const;
export const procurementApi = {
  ingredients: () => call<Ingredient[]>(P, 'GET', '/ingredients'),
  suppliers: () => call<Supplier[]>(P, 'GET', '/suppliers'),
  survey: (week: string) => call<Survey>(P, 'GET', `/price-surveys/${enc(week)}`),
  openSurvey: (week: string) => call<Survey>(P, 'POST', '/price-surveys', { body: { week } }),
  saveObservations: (week: string, observations: Omit<Observation, never>[]) =>
    call<Survey>(P, 'PUT', `/price-surveys/${enc(week)}/observations`, { body: { observations } }),
  submitSurvey: (week: string) => call<Survey>(P, 'POST', `/price-surveys/${enc(week)}/submit`),
  approveSurvey: (week: string) => call<Survey>(P, 'POST', `/price-surveys/${enc(week)}/approve`),
  returnSurvey: (week: string, reason: string) =>
    call<Survey>(P, 'POST', `/price-surveys/${enc(week)}/return`, { body: { reason } }),
  round: (week: string) => call<Round>(P, 'GET', `/price-rounds/${enc(week)}`),
  reopenRound: (week: string, until: string, reason: string) =>
    call<Round>(P, 'POST', `/price-rounds/${enc(week)}/reopen`, { body: { until, reason } }),
  writeOff: (lotId: string, reason: string) =>
    call<Lot>(P, 'POST', `/lots/${enc(lotId)}/write-off`, { body: { reason } }),
  quotes: (week: string) => call<Quote[]>(P, 'GET', '/quotes', { query: { week } }),
  submitQuote: (week: string, lines: Quote['lines']) =>
    call<Quote>(P, 'PUT', `/quotes/${enc(week)}`, { body: { lines } }),
  verifyQuote: (week: string, supplierId: string) =>
    call<Quote>(P, 'POST', `/quotes/${enc(week)}/${enc(supplierId)}/verify`, { body: {} }),
  justify: (week: string, supplierId: string, sku: string, justification: string) =>
    call<Quote>(P, 'POST', `/quotes/${enc(week)}/${enc(supplierId)}/justify`, {
      body: { sku, justification },
    }),
  approveQuote: (week: string, supplierId: string) =>
    call<Quote>(P, 'POST', `/quotes/${enc(week)}/${enc(supplierId)}/approve`),
  rejectQuote: (week: string, supplierId: string, reason: string) =>
    call<Quote>(P, 'POST', `/quotes/${enc(week)}/${enc(supplierId)}/reject`, { body: { reason } }),
  purchaseOrders: () => call<PurchaseOrder[]>(P, 'GET', '/purchase-orders'),
  createPurchaseOrder: (body: {
    week: string;
    supplierId: string;
    lines: { sku: string; quantity: number; price: string; priceUnitQuantity: number }[];
  }) => call<PurchaseOrder>(P, 'POST', '/purchase-orders', { body }),
  recordReceipt: (poId: string, lines: ReceiptLineInput[]) =>
    call<GoodsReceipt>(P, 'POST', `/purchase-orders/${enc(poId)}/receipts`, { body: { lines } }),
  receipt: (id: string) => call<GoodsReceipt>(P, 'GET', `/goods-receipts/${enc(id)}`),
  signReceipt: (id: string) => call<GoodsReceipt>(P, 'POST', `/goods-receipts/${enc(id)}/sign`),
  lots: (query: { sku?: string; status?: string } = {}) =>
    call<Lot[]>(P, 'GET', '/lots', { query }),
  replenishment: () => call<Replenishment[]>(P, 'GET', '/replenishment'),
  statement: (supplierId: string, month: string) =>
    call<Statement>(P, 'GET', `/suppliers/${enc(supplierId)}/statements/${enc(month)}`),
};
