import type { CanteenSnapshot, MealWindow, TimeWindow } from '@app/common';
import { HH_MM } from '@app/common/messaging/contracts/constants';

export interface CanteenState {
  _id: string;
  name: string;
  address: string;
  contact: { name: string; phone: string; email?: string };
  receivingWindow: TimeWindow;
  /** Approved exceptions; stored with who approved them and when. */
  mealWindows: MealWindow[];
  webhookUrl?: string;
  active: boolean;
}

/** What other services learn about a canteen: the full current state, never a diff. */
export function toSnapshot(canteen: CanteenState): CanteenSnapshot {
  return {
    canteenId: canteen._id,
    name: canteen.name,
    address: canteen.address,
    contact: canteen.contact,
    receivingWindow: canteen.receivingWindow,
    mealWindows: canteen.mealWindows.map(({ meal, window }) => ({ meal, window })),
    ...(canteen.webhookUrl ? { webhookUrl: canteen.webhookUrl } : {}),
    active: canteen.active,
  };
}

/** A receiving window must open before it closes. */
export function isValidWindow(window: TimeWindow): boolean {
  return HH_MM.test(window.from) && HH_MM.test(window.to) && window.from < window.to;
}
