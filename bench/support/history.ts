/** Stored history for the scale figures, written straight into the services' databases. */
import type { Connection } from 'mongoose';

const BATCH = 2_000;

async function fill(
  connection: Connection,
  collection: string,
  count: number,
  make: (i: number) => Record<string, unknown>,
): Promise<void> {
  const c = connection.collection(collection);
  for (let i = 0; i < count; i += BATCH)
    await c.insertMany(
      Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => make(i + j)),
      { ordered: false },
    );
}

const DELIVERED = new Date('2026-11-20T04:00:00Z');

/** `n` finished orders: the order, its reservation and ledger entries, its delivery, the consumers' marks. */
export async function storeHistory(
  services: { orders: Connection; procurement: Connection; delivery: Connection },
  n: number,
): Promise<void> {
  await fill(services.orders, 'orders', n, (i) => ({
    _id: `hist-order-${i}`,
    canteenId: `hist-canteen-${i % 50}`,
    idempotencyKey: `hist-key-${i}`,
    requestFingerprint: 'x',
    status: 'delivered',
    revision: 1,
    placedAt: DELIVERED,
    urgent: false,
    lines: [],
    ingredientDemand: [{ sku: 'RICE', quantity: 1_000 }],
    totalFen: 520,
    missing: [],
    deliveredAt: DELIVERED,
    outbox: {},
    outboxAt: null,
    outboxSeq: 3,
  }));
  await fill(services.procurement, 'reservations', n, (i) => ({
    _id: `hist-order-${i}`,
    status: 'issued',
    revision: 1,
    allocations: [{ lotId: 'hist-lot', sku: 'RICE', quantity: 1_000 }],
    outbox: {},
    outboxAt: null,
  }));
  await fill(services.procurement, 'stock_moves', 2 * n, (i) => ({
    _id: `hist-lot:${String(i + 1).padStart(9, '0')}`,
    lotId: 'hist-lot',
    sku: 'RICE',
    seq: i + 1,
    kind: i % 2 ? 'issue' : 'reservation',
    onHandDelta: i % 2 ? -1_000 : 0,
    availableDelta: i % 2 ? 0 : -1_000,
    holdDelta: i % 2 ? -1_000 : 1_000,
    onHandAfter: 10_000_000_000 - 1_000 * Math.ceil(i / 2),
    availableAfter: 10_000_000_000 - 1_000 * Math.ceil((i + 1) / 2),
    statusAfter: 'available',
    at: DELIVERED,
    ref: `hist-order-${Math.floor(i / 2)}`,
    moveKey: `hist-move-${i}`,
  }));
  await fill(services.delivery, 'deliveries', n, (i) => finishedDelivery(i));
  for (const [connection, handler] of [
    [services.procurement, 'OrderEventsHandler.onOrderFacts'],
    [services.delivery, 'OrderEventsHandler.onConfirmed'],
    [services.orders, 'OrderEventsHandler.onReservationConfirmed'],
  ] as const)
    await fill(connection, 'processed_events', n, (i) => ({
      _id: `${handler}:hist-event-${i}`,
      type: 'x',
      processedAt: DELIVERED,
    }));
}

export function finishedDelivery(i: number): Record<string, unknown> {
  return {
    _id: `hist-delivery-${i}`,
    orderId: `hist-order-${i}`,
    canteenId: `hist-canteen-${i % 50}`,
    status: 'delivered',
    deadline: DELIVERED,
    atRiskDueAt: null,
    breachDueAt: null,
    breaches: [],
    version: 5,
    outbox: {},
    outboxAt: null,
    outboxSeq: 5,
  };
}
