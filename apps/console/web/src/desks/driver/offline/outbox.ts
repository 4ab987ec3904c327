/**
 * The driver's outbox: every step the driver taps is queued here first and sent in tap order.
 * Plain TypeScript (no IndexedDB, no fetch): the store and the sender are passed in, so the
 * rules below are unit-tested without I/O.
 *
 * - Strictly in order: the first item that cannot be sent stops the drain.
 * - A network failure (or a 5xx, a 401, 408 or 429) keeps the item for the next drain.
 * - Any other 4xx is the service's final answer: the item is removed and its error kept to show.
 * - Every item carries the Idempotency-Key made at tap time, so a resend after a lost answer is
 *   answered by the service, never applied twice.
 */

export type DriverStep = 'pickup' | 'check-in' | 'delivered' | 'check-out';

export interface LineCount {
  lineId: string;
  acceptedQuantity: number;
  rejectedQuantity: number;
  rejectionReason?: string;
}

export interface HandOverBody {
  lines: LineCount[];
  proof: {
    receiverName: string;
    receivedAt: string;
    signatureRef?: string;
    photoRef?: string;
  };
  recordedAt: string;
}

export interface OutboxItem {
  /** Also the Idempotency-Key of the step (crypto.randomUUID at tap time). */
  key: string;
  /** Tap order; the store sorts by it. */
  seq: number;
  deliveryId: string;
  step: DriverStep;
  /** When the driver tapped (ISO); sent as the step's recordedAt. */
  recordedAt: string;
  body?: HandOverBody;
  /** Hand-over proof images waiting to be uploaded; their refs replace them once uploaded. */
  signature?: Blob;
  photo?: Blob;
  /** Failed sends so far (network); shown to the driver. */
  attempts: number;
}

export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface StepSender {
  uploadImage(deliveryId: string, kind: 'signature' | 'photo', image: Blob): Promise<string>;
  step(item: OutboxItem): Promise<unknown>;
}

/** A refusal by the service: status and the parts the driver is shown. */
export interface Refusal {
  key: string;
  deliveryId: string;
  step: DriverStep;
  status: number;
  code: string;
  message: string;
}

export interface DrainResult {
  sent: OutboxItem[];
  refused: Refusal[];
  /** The item that stopped the drain (network or server trouble), if any. */
  stoppedAt?: OutboxItem;
}

/**
 * Statuses worth retrying later: the request may not have been handled, or (401) the driver's
 * sign-in ran out while the phone was offline — signed in again, the step is still sent.
 */
const RETRIED = new Set([401, 408, 425, 429]);

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** True when the service answered with a final refusal (kept items are retried instead). */
export function isFinalRefusal(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && status >= 400 && status < 500 && !RETRIED.has(status);
}

/** Sends the queue, oldest first, until it is empty or an item cannot be sent now. */
export async function drain(store: OutboxStore, sender: StepSender): Promise<DrainResult> {
  const result: DrainResult = { sent: [], refused: [] };
  const items = [...(await store.all())].sort((a, b) => a.seq - b.seq);
  for (const original of items) {
    let item = original;
    try {
      item = await uploadProofImages(store, sender, item);
      await sender.step(item);
      await store.remove(item.key);
      result.sent.push(item);
    } catch (error) {
      if (isFinalRefusal(error)) {
        await store.remove(item.key);
        const e = error as { status: number; code?: string; message?: string };
        result.refused.push({
          key: item.key,
          deliveryId: item.deliveryId,
          step: item.step,
          status: e.status,
          code: e.code ?? `HTTP.${e.status}`,
          message: e.message ?? '',
        });
        continue;
      }
      const kept = { ...item, attempts: item.attempts + 1 };
      await store.put(kept);
      result.stoppedAt = kept;
      break;
    }
  }
  return result;
}

/**
 * Uploads the hand-over's images not yet uploaded and keeps their refs in the item, so a drain
 * interrupted after an upload does not upload that image again.
 */
async function uploadProofImages(
  store: OutboxStore,
  sender: StepSender,
  item: OutboxItem,
): Promise<OutboxItem> {
  if (item.step !== 'delivered' || !item.body) return item;
  let current = item;
  for (const kind of ['signature', 'photo'] as const) {
    const image = current[kind];
    if (!image) continue;
    const ref = await sender.uploadImage(current.deliveryId, kind, image);
    const refField = kind === 'signature' ? 'signatureRef' : 'photoRef';
    current = {
      ...current,
      [kind]: undefined,
      body: { ...current.body!, proof: { ...current.body!.proof, [refField]: ref } },
    };
    await store.put(current);
  }
  return current;
}

/** What a queued step makes of the delivery's status, for the optimistic view. */
export const STATUS_AFTER: Record<DriverStep, string> = {
  pickup: 'picked-up',
  'check-in': 'arrived',
  delivered: 'delivered',
  'check-out': 'departed',
};

/** The status a delivery shows with its queued steps applied on top of the service's status. */
export function optimisticStatus(
  delivery: { id: string; status: string },
  queue: readonly Pick<OutboxItem, 'deliveryId' | 'step' | 'seq'>[],
): string {
  const mine = queue.filter((i) => i.deliveryId === delivery.id).sort((a, b) => a.seq - b.seq);
  return mine.length ? STATUS_AFTER[mine[mine.length - 1].step] : delivery.status;
}

/** A new queue item for a step the driver just tapped. */
export function newItem(
  input: Pick<OutboxItem, 'deliveryId' | 'step'> &
    Partial<Pick<OutboxItem, 'signature' | 'photo'>> & { body?: Omit<HandOverBody, 'recordedAt'> },
  now: number,
  key: string,
  lastSeq = 0,
): OutboxItem {
  const seq = Math.max(now, lastSeq + 1);
  const recordedAt = new Date(now).toISOString();
  const body = input.body ? { ...input.body, recordedAt } : undefined;
  return { ...input, body, key, seq, recordedAt, attempts: 0 };
}
