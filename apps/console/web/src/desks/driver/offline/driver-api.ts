import { currentSession } from '../../../auth/session';
import { call, enc } from '../../../api/http';
import type { Delivery } from '../../../api/delivery';
import { toApiError } from '../../../lib/api-error';
import type { OutboxItem, StepSender } from './outbox';

/** Uploads one proof image's bytes (R-DEL-3); answers the ref for the hand-over's proof. */
async function uploadImage(
  deliveryId: string,
  kind: 'signature' | 'photo',
  image: Blob,
): Promise<string> {
  const session = currentSession();
  const res = await fetch(`/api/delivery/deliveries/${enc(deliveryId)}/proof-images?kind=${kind}`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': kind === 'signature' ? 'image/png' : 'image/jpeg',
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
    },
    body: image,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* keep the text for the error */
  }
  if (!res.ok) throw toApiError(res.status, parsed);
  return (parsed as { ref: string }).ref;
}

/** One driver step with the key made at tap time: a resend is answered, never applied twice. */
function step(item: OutboxItem): Promise<Delivery> {
  return call<Delivery>('delivery', 'POST', `/deliveries/${enc(item.deliveryId)}/${item.step}`, {
    // Every step carries the time the driver tapped: a check-out sent late is judged by it (R-DEL-7).
    body: item.step === 'delivered' ? item.body : { recordedAt: item.recordedAt },
    headers: { 'idempotency-key': item.key },
  });
}

export const driverSender: StepSender = { uploadImage, step };
