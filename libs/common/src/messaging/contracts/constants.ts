/** Plain constants of the contracts, importable by domain code without decorator metadata. */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];
