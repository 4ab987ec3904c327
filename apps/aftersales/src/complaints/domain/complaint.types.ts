/** The vocabulary of complaints (R-AS-1, R-AS-3). */

export const COMPLAINT_CATEGORIES = ['quality', 'service', 'suggestion'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * Causes, each belonging to one category. Routing (R-AS-3) and "the same problem" (R-AS-9)
 * key on category + cause, so the list is closed rather than free text.
 */
export const CAUSES_BY_CATEGORY = {
  quality: ['food-quality', 'wrong-spec', 'spoiled', 'packaging-damaged', 'spoiled-in-transit'],
  service: [
    'late-delivery',
    'missing-delivery',
    'staff-attitude',
    'service-skill',
    'broken-promise',
    'contract-dispute',
  ],
  suggestion: ['improvement', 'other'],
} as const satisfies Record<ComplaintCategory, readonly string[]>;

export type ComplaintCause = (typeof CAUSES_BY_CATEGORY)[ComplaintCategory][number];
export const COMPLAINT_CAUSES: readonly ComplaintCause[] = Object.values(CAUSES_BY_CATEGORY).flat();

export function causeBelongsTo(
  category: ComplaintCategory,
  cause: string,
): cause is ComplaintCause {
  return (CAUSES_BY_CATEGORY[category] as readonly string[]).includes(cause);
}

export const COMPLAINT_CHANNELS = ['call', 'letter', 'visit', 'app', 'survey'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** Departments of the company; `kitchen` includes quality control, as the sources group them. */
export const DEPARTMENTS = [
  'kitchen',
  'warehouse-transport',
  'delivery',
  'aftersales',
  'procurement',
  'management',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** The R-AS-2 steps, in order; `reopened` is the way back after a not-satisfied answer. */
export const COMPLAINT_STATUSES = [
  'recorded',
  'assessed',
  'assigned',
  'investigated',
  'resolution-proposed',
  'approved',
  'customer-notified',
  'closed',
  'reopened',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** What the complaint is about (R-AS-1); any combination may be known. */
export interface ComplaintSubject {
  orderId?: string;
  deliveryId?: string;
  staffId?: string;
}
