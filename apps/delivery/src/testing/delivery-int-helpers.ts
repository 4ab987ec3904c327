/**
 * Integration-test data: payloads "other services" publish (send them with `KafkaProbe.publish`),
 * a webhook receiver.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { CanteenSnapshot, OrderChanged, OrderConfirmed } from '@app/common';
import { CONFIRMED_AT, REQUESTED_TIME } from './delivery-factories';

export function aCanteenSnapshot(overrides: Partial<CanteenSnapshot> = {}): CanteenSnapshot {
  return {
    canteenId: 'canteen-1',
    name: 'First canteen',
    address: '1 Canteen Road',
    contact: { name: 'Manager Li', phone: '13800000000' },
    receivingWindow: { from: '09:00', to: '12:00' },
    mealWindows: [],
    active: true,
    ...overrides,
  };
}

export function anOrderConfirmed(overrides: Partial<OrderConfirmed> = {}): OrderConfirmed {
  return {
    orderId: `order-${randomUUID().slice(0, 8)}`,
    canteenId: 'canteen-1',
    placedAt: new Date(CONFIRMED_AT.getTime() - 60_000).toISOString(),
    requestedTime: REQUESTED_TIME.toISOString(),
    urgent: false,
    lines: [
      {
        lineId: 'line-1',
        kind: 'ingredient',
        itemId: 'sku-rice',
        name: 'Rice',
        quantity: 10_000,
        unit: 'g',
        unitPriceFen: 1,
      },
      {
        lineId: 'line-2',
        kind: 'dish',
        itemId: 'dish-pork',
        name: 'Braised pork',
        quantity: 40,
        unit: 'portion',
        unitPriceFen: 1_500,
      },
    ],
    ingredientDemand: [{ sku: 'sku-rice', quantity: 10_000 }],
    revision: 1,
    confirmedAt: CONFIRMED_AT.toISOString(),
    ...overrides,
  };
}

/** The change event of a confirmed order: same facts, no confirmation time. */
export function anOrderChange(
  order: OrderConfirmed,
  overrides: Partial<OrderChanged>,
): OrderChanged {
  const facts: Partial<OrderConfirmed> = { ...order, ...overrides };
  delete facts.confirmedAt;
  return facts as OrderChanged;
}

export interface WebhookReceiver {
  url: (path: string) => string;
  received: { path: string; body: Record<string, unknown> }[];
  /** Paths answered with HTTP 500, to test retries. */
  failing: Set<string>;
  close: () => Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const failing = new Set<string>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (failing.has(path)) {
        res.statusCode = 500;
        res.end();
        return;
      }
      received.push({ path, body: JSON.parse(raw) as Record<string, unknown> });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    failing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
