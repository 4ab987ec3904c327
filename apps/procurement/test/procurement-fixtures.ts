/** Test data and Kafka helpers for procurement's integration specs. */
import { randomUUID } from 'node:crypto';
import { EventType, OrderPlaced, topicOf } from '@app/common';
import { KafkaProbe } from '@app/common/testing';

export function anIngredient(overrides: Record<string, unknown> = {}) {
  return {
    sku: 'PORK-BELLY',
    name: '五花肉',
    unit: 'g',
    category: 'meat',
    storage: 'chilled',
    shelfLifeDays: 3,
    ...overrides,
  };
}

export function aSupplier(skus: string[], overrides: Record<string, unknown> = {}) {
  return {
    name: '浦东肉联厂',
    contact: { name: '李师傅', phone: '13900000000' },
    skus,
    ...overrides,
  };
}

/** Three prices from three different sources with contacts (R-PROC-1). */
export function threeObservations(
  sku: string,
  yuan: [string, string, string] = ['26.00', '28.00', '30.00'],
) {
  return ['新发地市场', '大洋批发', '社区菜店'].map((sourceName, i) => ({
    sku,
    sourceName,
    contactName: `联系人${i + 1}`,
    contactPhone: `1380000000${i}`,
    price: yuan[i],
    priceUnitQuantity: 1000,
  }));
}

export function anOrderPlaced(
  demand: { sku: string; quantity: number }[],
  overrides: Partial<OrderPlaced> = {},
): OrderPlaced {
  return {
    orderId: `ord-${randomUUID()}`,
    canteenId: 'canteen-1',
    placedAt: '2026-03-09T01:00:00.000Z',
    urgent: false,
    lines: [],
    ingredientDemand: demand,
    revision: 1,
    ...overrides,
  };
}

/** The events of one type published on its topic so far. */
export async function eventsOf(
  probe: KafkaProbe,
  type: EventType,
): Promise<{ subject: string; data: Record<string, unknown> }[]> {
  const messages = await probe.readAll(topicOf(type));
  return messages
    .map(
      (m) =>
        JSON.parse(m.value!.toString()) as {
          type: string;
          subject: string;
          data: Record<string, unknown>;
        },
    )
    .filter((e) => e.type === type);
}
