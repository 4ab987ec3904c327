/**
 * The delivery aggregate as plain data: what the database stores and what the pure
 * transitions in this folder take and return. Times are UTC instants.
 */
import type { RejectionReason } from '@app/common/messaging/contracts';
import type { DeadlineBasis } from './deadline';

export const DELIVERY_STATUSES = [
  'scheduled',
  'assigned',
  'picked-up',
  'arrived',
  'delivered',
  'departed',
  'cancelled',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Statuses in which the goods have not reached the canteen's receiver yet. */
export const OPEN_STATUSES: readonly DeliveryStatus[] = [
  'scheduled',
  'assigned',
  'picked-up',
  'arrived',
];

export interface DeliveryLine {
  lineId: string;
  kind: 'dish' | 'ingredient';
  itemId: string;
  name: string;
  /** Portions for a dish, base-unit quantity for an ingredient: what leaves the kitchen. */
  quantity: number;
  unit: string;
  notes?: string;
}

/** A canteen's receiving window, Asia/Shanghai wall clock (`HH:mm`). */
export interface ReceivingWindow {
  from: string;
  to: string;
}

export interface Destination {
  /** The canteen's name and its receiving contact, for the driver (copied since 2026-12). */
  name?: string;
  contact?: { name: string; phone: string };
  address: string;
  receivingWindow: ReceivingWindow;
}

/** What the receiver counted for one line (R-DEL-3). */
export interface LineAcceptance {
  lineId: string;
  acceptedQuantity: number;
  rejectedQuantity: number;
  rejectionReason?: RejectionReason;
}

/** One applied driver command: a resend with the same key is answered, not applied again. */
export interface CommandKey {
  key: string;
  step: string;
  fingerprint: string;
}

export interface ProofOfDelivery {
  receiverName: string;
  /** When the receiver signed, as written on the proof. */
  receivedAt: Date;
  signatureRef?: string;
  photoRef?: string;
  temperatureCelsius?: number;
}

export interface BreachRecord {
  /** The deadline that was missed. */
  deadline: Date;
  detectedAt: Date;
  deliveredAt?: Date;
  /** Set when a force majeure record waived this breach (R-DEL-6). */
  waivedAt?: Date;
}

export const FORCE_MAJEURE_CAUSES = ['flood', 'fire', 'supplier-failure', 'other'] as const;
export type ForceMajeureCause = (typeof FORCE_MAJEURE_CAUSES)[number];

export interface ForceMajeureRecord {
  cause: ForceMajeureCause;
  description: string;
  proofRef: string;
  occurredAt: Date;
  canteenNotifiedAt: Date;
  previousDeadline: Date;
  newDeadline: Date;
  recordedAt: Date;
  recordedBy: string;
}

export interface Delivery {
  deliveryId: string;
  orderId: string;
  canteenId: string;
  /** The order revision these lines and this deadline come from; older facts are ignored. */
  orderRevision: number;
  /** Set when the order replaces goods of an approved exchange (R-AS-6). */
  replacementForExchangeId?: string;
  lines: DeliveryLine[];
  confirmedAt: Date;
  deadline: Date;
  deadlineBasis: DeadlineBasis | 'force-majeure';
  destination?: Destination;
  status: DeliveryStatus;
  driverId?: string;
  assignedBy?: string;
  assignedAt?: Date;
  /** A service end agreed by the dispatcher; wins over the receiving window (R-DEL-7). */
  agreedServiceEnd?: Date;
  pickedUpAt?: Date;
  arrivedAt?: Date;
  /** Fixed at check-in: the driver may not leave before it (R-DEL-7). */
  serviceEndsAt?: Date;
  /** When the goods were handed over: the time the driver recorded, or the server's time. */
  deliveredAt?: Date;
  /** The driver's confirmation reached the service more than 5 min after it was recorded. */
  sentLate?: boolean;
  /** When a late confirmation reached the service. */
  confirmationReceivedAt?: Date;
  /** The driver's commands already applied, by the phone's idempotency key. */
  commandKeys?: CommandKey[];
  departedAt?: Date;
  leftEarly?: boolean;
  cancelledAt?: Date;
  acceptance?: LineAcceptance[];
  proof?: ProofOfDelivery;
  /** Due time of the pending at-risk check; null once it fired or can no longer fire. */
  atRiskDueAt: Date | null;
  atRiskNotifiedAt?: Date;
  /** Due time of the pending breach check; null once it fired or can no longer fire. */
  breachDueAt: Date | null;
  breaches: BreachRecord[];
  forceMajeure: ForceMajeureRecord[];
}

/** Who issues a command; the Nest layer fills it from the verified token. */
export interface Actor {
  userId: string;
  driverId?: string;
}

/** The SLA settings of the service (configurable). */
export interface SlaPolicy {
  /** How long before the deadline a late-looking delivery is reported at risk (default 2 h). */
  atRiskLeadMs: number;
}
