import { call, enc } from './http';

export interface Delivery {
  id: string;
  orderId: string;
  canteenId: string;
  status: string;
  deadline: string;
  deadlineBasis: string;
  driverId?: string;
  destination?: {
    name?: string;
    contact?: { name: string; phone: string };
    address?: string;
    receivingWindow?: { from: string; to: string };
  };
  lines: DeliveryLine[];
  atRiskNotifiedAt?: string;
  breaches: { deadline: string; detectedAt: string; deliveredAt?: string; waivedAt?: string }[];
  forceMajeure: { cause: string; proofRef: string; [k: string]: unknown }[];
  deliveredAt?: string;
  [k: string]: unknown;
}
export interface Driver {
  id: string;
  name: string;
  phone: string;
  vehicle: string;
  active: boolean;
}
export interface OnTimeFigures {
  key: string;
  onTime: number;
  breached: number;
  waived: number;
  pending: number;
  /** onTime / (onTime + breached); null when nothing was decided yet. */
  onTimeRate: number | null;
}
export interface OnTimeReport {
  from: string;
  to: string;
  total: OnTimeFigures;
  byDay: OnTimeFigures[];
  byDriver: OnTimeFigures[];
  byCanteen: OnTimeFigures[];
}
export interface DeliveryLine {
  lineId: string;
  kind: 'dish' | 'ingredient';
  itemId: string;
  name: string;
  quantity: number;
  unit: string;
}
export interface DeliveredInput {
  lines: {
    lineId: string;
    acceptedQuantity: number;
    rejectedQuantity: number;
    rejectionReason?: string;
  }[];
  proof: { receiverName: string; receivedAt: string; signatureRef?: string; photoRef?: string };
}
export interface ForceMajeureInput {
  cause: string;
  description?: string;
  proofRef: string;
  occurredAt: string;
  canteenNotifiedAt?: string;
  newDeliveryTime: string;
}

const D = 'delivery' as const;
export const deliveryApi = {
  deliveries: (query: { from?: string; to?: string; status?: string } = {}) =>
    call<Delivery[]>(D, 'GET', '/deliveries', { query }),
  drivers: () => call<Driver[]>(D, 'GET', '/drivers'),
  registerDriver: (body: { driverId: string; name: string; phone: string; vehicle: string }) =>
    call<Driver>(D, 'POST', '/drivers', { body }),
  assign: (id: string, driverId: string) =>
    call<Delivery>(D, 'POST', `/deliveries/${enc(id)}/assignment`, { body: { driverId } }),
  driverStep: (id: string, step: 'pickup' | 'check-in' | 'check-out') =>
    call<Delivery>(D, 'POST', `/deliveries/${enc(id)}/${step}`, { body: {} }),
  delivered: (id: string, body: DeliveredInput) =>
    call<Delivery>(D, 'POST', `/deliveries/${enc(id)}/delivered`, { body }),
  forceMajeure: (id: string, body: ForceMajeureInput) =>
    call<Delivery>(D, 'POST', `/deliveries/${enc(id)}/force-majeure`, { body }),
  onTime: (from: string, to: string) =>
    call<OnTimeReport>(D, 'GET', '/reports/on-time', { query: { from, to } }),
};
