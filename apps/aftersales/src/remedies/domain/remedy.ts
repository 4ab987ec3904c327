import type { RejectionReason } from '@app/common/messaging/contracts';

export const REMEDY_TYPES = ['exchange', 'return'] as const;
export type RemedyType = (typeof REMEDY_TYPES)[number];

export const REMEDY_STATUSES = [
  'open',
  'approved',
  'replacement-ordered',
  'inspected',
  'charged',
] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];

/** The goods a remedy is about: one rejected line of a delivery, or lines named in a complaint. */
export interface RemedyLine {
  lineId: string;
  kind: 'dish' | 'ingredient';
  /** Dish id or ingredient SKU. */
  itemId: string;
  name: string;
  quantity: number;
  reason?: RejectionReason;
}

export interface Inspection {
  outcome: 'restocked' | 'written-off';
  inspectedBy: string;
  inspectedAt: Date;
  cause?: string;
}

/** R-AS-7: the department or person the cause is charged to. */
export interface CauseCharge {
  department: string;
  staffId?: string;
  note: string;
  chargedBy: string;
  chargedAt: Date;
}

/** A return or exchange (R-AS-6), always at the company's cost when quality failed. */
export interface Remedy {
  remedyId: string;
  canteenId: string;
  originalOrderId: string;
  source: { kind: 'delivery' | 'complaint'; id: string };
  lines: RemedyLine[];
  type: RemedyType;
  /** Who decided the type: the default rule, the canteen, or an agent on its behalf. */
  chosenBy: 'rule' | 'canteen' | 'aftersales';
  /** Exchange only: when the replacement must arrive. */
  needBy?: Date;
  atCompanyCost: boolean;
  openedAt: Date;
  status: RemedyStatus;
  approvedBy?: string;
  approvedAt?: Date;
  replacementOrderId?: string;
  inspection?: Inspection;
  charge?: CauseCharge;
}
