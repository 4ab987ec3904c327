/** Helpers for orders' integration specs: other services' events over the real broker. */
import type { KafkaProbe } from '@app/common/testing';

export interface EventSeen {
  id: string;
  type: string;
  subject: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary payload fields
  data: Record<string, any>;
}

/** Events published on a topic, each once (see `KafkaProbe.events`). */
export function eventsOn(probe: KafkaProbe, topic: string): Promise<EventSeen[]> {
  return probe.events<EventSeen['data']>(topic);
}

export const aCanteenDto = (overrides: Record<string, unknown> = {}) => ({
  name: '第一营业点',
  address: '上海市浦东新区张江路 100 号',
  contact: { name: '王经理', phone: '13800000000' },
  receivingWindow: { from: '06:00', to: '17:00' },
  ...overrides,
});

export const aMenuDraftDto = () => ({
  dishes: [
    {
      dishId: 'braised-pork',
      name: '红烧肉',
      pricePerPortion: '15.00',
      recipe: [
        { sku: 'PORK-BELLY', quantityPerPortion: 150 },
        { sku: 'SOY-SAUCE', quantityPerPortion: 10 },
      ],
    },
  ],
  offerings: [
    { date: '2026-12-07', meal: 'lunch', dishId: 'braised-pork' },
    { date: '2026-12-08', meal: 'dinner', dishId: 'braised-pork' },
  ],
});

export const anOrderDto = (overrides: Record<string, unknown> = {}) => ({
  dishes: [
    { dishId: 'braised-pork', date: '2026-12-07', meal: 'lunch', portions: 40, notes: '少放盐' },
  ],
  ingredients: [{ sku: 'RICE', quantity: 5000 }],
  requestedTime: '2026-12-07T02:00:00Z',
  ...overrides,
});

export const anIngredient = (sku: string, name: string, unit: 'g' | 'ml' | 'piece' = 'g') => ({
  sku,
  name,
  unit,
  category: 'meat',
  storage: 'chilled' as const,
  shelfLifeDays: 5,
  removalStrategy: 'fifo' as const,
});
