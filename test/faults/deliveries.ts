/**
 * Drives acknowledged orders' deliveries through the driver's steps while a fault is on, the way
 * a dispatcher and a driver would: read the delivery, do its next step, retry with the same
 * Idempotency-Key when unanswered. Then counts what followed every hand-over: the reserved
 * stock issued in procurement, the follow-ups (R-AS-13/14) and the return or exchange of the
 * rejected line (R-DEL-4) in aftersales.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { MongoClient } from 'mongodb';
import { call, staff, token } from './http';

export const DRIVER_ID = 'driver-faults';
/** What aftersales plans after every delivery: the next-day call and the first follow-up. */
const FOLLOW_UP_KINDS = ['satisfaction-call', 'first-follow-up'];

interface DeliveryView {
  id: string;
  status: string;
  lines: { lineId: string; quantity: number }[];
}

const driver = () => token({ sub: DRIVER_ID, role: 'driver', driverId: DRIVER_ID });
/** A 1×1 PNG: the receiver's signature as the phone uploads it. */
const SIGNATURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function uploadSignature(deliveryAt: string): Promise<string> {
  const res = await fetch(`${deliveryAt}/proof-images?kind=signature`, {
    method: 'POST',
    headers: { authorization: driver(), 'content-type': 'image/png' },
    body: SIGNATURE_PNG,
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { ref?: string };
  if (res.status !== 201 || !body.ref) throw new Error(`signature upload: ${res.status}`);
  return body.ref;
}

/** A refusal for good (not a fault's refused connection or a step already taken). */
function refused(what: string, res: { status: number; body: unknown }): void {
  if (res.status >= 400 && res.status < 500 && res.status !== 409)
    throw new Error(`delivery ${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** One delivery driven from scheduled to delivered, one rejected unit on its first line. */
async function driveOne(
  deliveryUrl: () => string,
  orderId: string,
  until: () => number,
): Promise<void> {
  while (Date.now() < until()) {
    try {
      const found = await call(
        `${deliveryUrl()}/deliveries?orderId=${encodeURIComponent(orderId)}`,
        'GET',
        staff('dispatcher'),
      );
      const d = (found.body as unknown as DeliveryView[])[0];
      if (found.status !== 200 || !d) {
        await sleep(500);
        continue;
      }
      if (d.status === 'delivered' || d.status === 'departed') return;
      const at = `${deliveryUrl()}/deliveries/${encodeURIComponent(d.id)}`;
      const key = { 'idempotency-key': `${d.id}-${d.status}` };
      const what = `${d.id} ${d.status}`;
      if (d.status === 'scheduled')
        refused(
          what,
          await call(`${at}/assignment`, 'POST', staff('dispatcher'), { driverId: DRIVER_ID }),
        );
      else if (d.status === 'assigned')
        refused(what, await call(`${at}/pickup`, 'POST', driver(), {}, key));
      else if (d.status === 'picked-up')
        refused(what, await call(`${at}/check-in`, 'POST', driver(), {}, key));
      else if (d.status === 'arrived') {
        const signatureRef = await uploadSignature(at);
        const handOver = {
          lines: d.lines.map((l, i) => ({
            lineId: l.lineId,
            acceptedQuantity: i === 0 ? l.quantity - 1 : l.quantity,
            rejectedQuantity: i === 0 ? 1 : 0,
            ...(i === 0 && { rejectionReason: 'damaged' }),
          })),
          proof: { receiverName: '王经理', receivedAt: new Date().toISOString(), signatureRef },
        };
        refused(what, await call(`${at}/delivered`, 'POST', driver(), handOver, key));
      } else throw new Error(`delivery ${d.id} of order ${orderId} is ${d.status}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('delivery ')) throw error;
      // refused or timed out while the fault is on: read the delivery again and retry
      await sleep(500);
    }
  }
}

/** Drives the delivery of every order handed to it, each in its own loop of steps. */
export class DeliveryDriver {
  readonly driven = new Set<string>();
  private readonly work = new Set<Promise<void>>();
  private readonly failures: string[] = [];

  constructor(
    private readonly deliveryUrl: () => string,
    private readonly until: () => number,
  ) {}

  drive(orderId: string): void {
    if (this.driven.has(orderId)) return;
    this.driven.add(orderId);
    const job = driveOne(this.deliveryUrl, orderId, this.until).catch((e: Error) => {
      this.failures.push(e.message);
    });
    this.work.add(job);
    void job.finally(() => this.work.delete(job));
  }

  async finished(): Promise<string[]> {
    while (this.work.size) await Promise.all([...this.work]);
    return this.failures;
  }
}

export interface AftermathCounts {
  /** Driven deliveries the delivery service holds as handed over. */
  delivered: number;
  /** Driven deliveries not delivered, their stock not issued, or a follow-up or remedy missing. */
  lost: number;
  /** Follow-ups or remedies beyond one per kind and delivery. */
  duplicated: number;
}

/** Waits (up to the limit) until every driven delivery has all that follows it, then counts. */
export async function countAftermath(
  mongo: MongoClient,
  orderIds: string[],
  limitMs: number,
): Promise<AftermathCounts> {
  const until = Date.now() + limitMs;
  for (;;) {
    const counts = await countOnce(mongo, orderIds);
    if (counts.lost === 0 || Date.now() > until) return counts;
    await sleep(1_000);
  }
}

async function countOnce(mongo: MongoClient, orderIds: string[]): Promise<AftermathCounts> {
  const deliveries = await mongo
    .db('delivery')
    .collection<{ _id: string; orderId: string; status: string }>('deliveries')
    .find({ orderId: { $in: orderIds } }, { projection: { orderId: 1, status: 1 } })
    .toArray();
  const ids = deliveries.map((d) => String(d._id));
  const followUps = await mongo
    .db('aftersales')
    .collection<{ trigger: { id: string }; kind: string }>('follow_ups')
    .find({ 'trigger.id': { $in: ids } }, { projection: { trigger: 1, kind: 1 } })
    .toArray();
  const remedies = await mongo
    .db('aftersales')
    .collection<{ source: { id: string } }>('remedies')
    .find({ 'source.id': { $in: ids } }, { projection: { source: 1 } })
    .toArray();
  const issued = await mongo
    .db('procurement')
    .collection<{ _id: string; status: string }>('reservations')
    .countDocuments({ _id: { $in: orderIds }, status: 'issued' });
  let lost = orderIds.length - deliveries.length + (orderIds.length - issued);
  let duplicated = 0;
  let delivered = 0;
  for (const d of deliveries) {
    const id = String(d._id);
    if (d.status === 'delivered' || d.status === 'departed') delivered++;
    else lost++;
    for (const kind of FOLLOW_UP_KINDS) {
      const n = followUps.filter((f) => f.trigger.id === id && f.kind === kind).length;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
    }
    const r = remedies.filter((m) => m.source.id === id).length;
    if (r === 0) lost++;
    if (r > 1) duplicated += r - 1;
  }
  return { delivered, lost, duplicated };
}
