/**
 * A canteen's order as filled in on the portal, checked before it is sent (R-ORD-1, R-ORD-3) and
 * turned into the orders service's request. Plain TypeScript: times arrive as ISO strings.
 */
import type { Meal } from '../api/orders';

export interface DraftLine {
  quantity?: number | null;
  notes?: string;
}
export interface OrderDraft {
  /** keyed by `dishKey(date, meal, dishId)` */
  dishes?: Record<string, DraftLine | undefined>;
  /** keyed by SKU */
  ingredients?: Record<string, DraftLine | undefined>;
  /** `asap`: no requested time, due within 24 h of confirmation (R-DEL-2) */
  timing: 'asap' | 'at';
  requestedTime?: string;
  urgent?: boolean;
  needBy?: string;
}
export interface DraftProblem {
  /** a form field path, dot-separated (`dishes.<key>.quantity`, `requestedTime`, …) */
  field: string;
  reason: 'required' | 'positive-integer' | 'in-future' | 'no-lines';
}
export interface OrderRequestBody {
  dishes: { dishId: string; date: string; meal: Meal; portions: number; notes?: string }[];
  ingredients: { sku: string; quantity: number; notes?: string }[];
  requestedTime?: string;
  urgent?: boolean;
  needBy?: string;
}

const SEP = '|';
export const dishKey = (date: string, meal: Meal, dishId: string): string =>
  [date, meal, dishId].join(SEP);
export function parseDishKey(key: string): { date: string; meal: Meal; dishId: string } {
  const [date, meal, ...rest] = key.split(SEP);
  return { date, meal: meal as Meal, dishId: rest.join(SEP) };
}

const filled = (line: DraftLine | undefined): line is DraftLine =>
  line?.quantity !== undefined && line.quantity !== null && line.quantity !== 0;
const notesOf = (line: DraftLine) => (line.notes?.trim() ? { notes: line.notes.trim() } : {});

/** The request, or every problem the canteen must fix first. */
export function buildOrderRequest(
  draft: OrderDraft,
  now: Date,
): { request: OrderRequestBody; problems: [] } | { request?: undefined; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const dishes = Object.entries(draft.dishes ?? {}).filter((e): e is [string, DraftLine] =>
    filled(e[1]),
  );
  const ingredients = Object.entries(draft.ingredients ?? {}).filter(
    (e): e is [string, DraftLine] => filled(e[1]),
  );
  for (const [group, lines] of [
    ['dishes', dishes],
    ['ingredients', ingredients],
  ] as const) {
    for (const [key, line] of lines) {
      if (!Number.isInteger(line.quantity) || (line.quantity ?? 0) < 1)
        problems.push({ field: `${group}.${key}.quantity`, reason: 'positive-integer' });
    }
  }
  if (!dishes.length && !ingredients.length) problems.push({ field: 'lines', reason: 'no-lines' });
  const future = (iso: string) => new Date(iso).getTime() > now.getTime();
  if (draft.timing === 'at') {
    if (!draft.requestedTime) problems.push({ field: 'requestedTime', reason: 'required' });
    else if (!future(draft.requestedTime))
      problems.push({ field: 'requestedTime', reason: 'in-future' });
  }
  if (draft.urgent) {
    if (!draft.needBy) problems.push({ field: 'needBy', reason: 'required' });
    else if (!future(draft.needBy)) problems.push({ field: 'needBy', reason: 'in-future' });
  }
  if (problems.length) return { problems };
  return {
    problems: [],
    request: {
      dishes: dishes.map(([key, line]) => ({
        ...parseDishKey(key),
        portions: line.quantity!,
        ...notesOf(line),
      })),
      ingredients: ingredients.map(([sku, line]) => ({
        sku,
        quantity: line.quantity!,
        ...notesOf(line),
      })),
      ...(draft.timing === 'at' && { requestedTime: draft.requestedTime }),
      ...(draft.urgent && { urgent: true, needBy: draft.needBy }),
    },
  };
}

/** R-ORD-4: an order may be changed or cancelled until it is dispatched. */
export const CHANGEABLE_STATUSES = ['placed', 'confirmed', 'backordered'] as const;
export const isChangeable = (status: string): boolean =>
  (CHANGEABLE_STATUSES as readonly string[]).includes(status);

/** The service answered: confirmed or backordered come over Kafka after `placed`. */
export const isSettled = (status: string): boolean => status !== 'placed';

interface OrderLineLike {
  kind: 'dish' | 'ingredient';
  itemId: string;
  quantity: number;
  date?: string;
  meal?: Meal;
  notes?: string;
}
/** An order's lines as a draft, so a change starts from what was ordered. */
export function draftOf(order: {
  lines: OrderLineLike[];
  requestedTime?: string;
  urgent: boolean;
  needBy?: string;
}): OrderDraft {
  const dishes: Record<string, DraftLine> = {};
  const ingredients: Record<string, DraftLine> = {};
  for (const l of order.lines) {
    const line = { quantity: l.quantity, ...(l.notes && { notes: l.notes }) };
    if (l.kind === 'dish' && l.date && l.meal) dishes[dishKey(l.date, l.meal, l.itemId)] = line;
    else ingredients[l.itemId] = line;
  }
  return {
    dishes,
    ingredients,
    timing: order.requestedTime ? 'at' : 'asap',
    ...(order.requestedTime && { requestedTime: order.requestedTime }),
    ...(order.urgent && { urgent: true, needBy: order.needBy }),
  };
}
