/** What the delivery needs from a confirmed or changed order, times already parsed. */
import type { DeliveryLine } from './delivery';

export interface OrderFactsInput {
  orderId: string;
  canteenId: string;
  revision: number;
  lines: DeliveryLine[];
  requestedTime?: Date;
  needBy?: Date;
  mealStartsAt?: Date;
  urgent: boolean;
  replacementForExchangeId?: string;
}

export interface ConfirmedOrderInput extends OrderFactsInput {
  confirmedAt: Date;
}
