/** Complaint causes by category, as aftersales accepts them (complaint.types.ts of the service). */
export const COMPLAINT_CAUSES: Record<string, string[]> = {
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
};
