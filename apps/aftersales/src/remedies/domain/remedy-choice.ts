import { HOUR_MS } from '@app/common/clock/clock';
import type { RemedyLine, RemedyType } from './remedy';

/** Decision: rejected cooked food is replaced within 2 h — the meal it was for is close. */
export const DISH_REPLACEMENT_WITHIN_MS = 2 * HOUR_MS;
/** Decision: a rejected ingredient is replaced within the 24 h delivery promise (R-DEL-2). */
export const INGREDIENT_REPLACEMENT_WITHIN_MS = 24 * HOUR_MS;

export interface DefaultRemedy {
  type: RemedyType;
  needBy: Date;
  /** A short line cannot be returned: nothing arrived to send back. */
  returnAllowed: boolean;
}

/**
 * R-DEL-4 / R-AS-6: what a rejected line becomes until the canteen chooses otherwise. Both
 * default to an exchange — the canteen ordered the goods because it needs them — with a
 * need-by time the canteen may change; cooked food is needed soonest.
 */
export function defaultRemedyFor(
  line: Pick<RemedyLine, 'kind' | 'reason'>,
  rejectedAt: Date,
): DefaultRemedy {
  const within =
    line.kind === 'dish' ? DISH_REPLACEMENT_WITHIN_MS : INGREDIENT_REPLACEMENT_WITHIN_MS;
  return {
    type: 'exchange',
    needBy: new Date(rejectedAt.getTime() + within),
    returnAllowed: line.reason !== 'short',
  };
}
