import {
  drain,
  isFinalRefusal,
  newItem,
  optimisticStatus,
  type HandOverBody,
  type OutboxItem,
  type OutboxStore,
  type StepSender,
} from './outbox';

class MemoryStore implements OutboxStore {
  readonly items = new Map<string, OutboxItem>();
  all() {
    return Promise.resolve([...this.items.values()]);
  }
  put(item: OutboxItem) {
    this.items.set(item.key, item);
    return Promise.resolve();
  }
  remove(key: string) {
    this.items.delete(key);
    return Promise.resolve();
  }
}

const T0 = Date.parse('2026-12-03T02:00:00Z');
const refused = (status: number, code: string) =>
  Object.assign(new Error(`${code} refused`), { status, code });
const offline = () => new TypeError('Failed to fetch');

function aHandOver(): HandOverBody {
  return {
    lines: [{ lineId: 'L1', acceptedQuantity: 4, rejectedQuantity: 1, rejectionReason: 'damaged' }],
    proof: { receiverName: '李师傅', receivedAt: new Date(T0).toISOString() },
    recordedAt: new Date(T0).toISOString(),
  };
}

/** A sender that records what it was asked and fails as scripted. */
function aSender(script: { step?: (item: OutboxItem) => unknown; upload?: () => unknown } = {}) {
  const calls: string[] = [];
  let uploads = 0;
  const sender: StepSender = {
    uploadImage: (deliveryId, kind) => {
      calls.push(`upload ${deliveryId} ${kind}`);
      script.upload?.();
      uploads += 1;
      return Promise.resolve(`proof-image:${kind}-${uploads}`);
    },
    step: (item) => {
      calls.push(`${item.step} ${item.deliveryId} ${item.key}`);
      script.step?.(item);
      return Promise.resolve({});
    },
  };
  return { sender, calls };
}

async function queued(store: MemoryStore, ...items: OutboxItem[]) {
  for (const i of items) await store.put(i);
}

describe("the driver's outbox (R-DEL-3, sent when the phone is back online)", () => {
  it('sends in tap order and empties the queue', async () => {
    const store = new MemoryStore();
    // stored out of order: the tap order (seq) decides
    await queued(
      store,
      newItem({ deliveryId: 'd1', step: 'check-in' }, T0 + 60_000, 'k2'),
      newItem({ deliveryId: 'd1', step: 'pickup' }, T0, 'k1'),
    );
    const { sender, calls } = aSender();
    const result = await drain(store, sender);
    expect(calls).toEqual(['pickup d1 k1', 'check-in d1 k2']);
    expect(result.sent.map((i) => i.key)).toEqual(['k1', 'k2']);
    expect(store.items.size).toBe(0);
  });

  it('keeps the item and stops at a network failure, so nothing overtakes it', async () => {
    const store = new MemoryStore();
    await queued(
      store,
      newItem({ deliveryId: 'd1', step: 'pickup' }, T0, 'k1'),
      newItem({ deliveryId: 'd1', step: 'check-in' }, T0 + 1, 'k2'),
    );
    const { sender, calls } = aSender({
      step: () => {
        throw offline();
      },
    });
    const result = await drain(store, sender);
    expect(calls).toEqual(['pickup d1 k1']);
    expect(result.stoppedAt?.key).toBe('k1');
    expect(store.items.get('k1')?.attempts).toBe(1);
    expect(store.items.has('k2')).toBe(true);
  });

  it('keeps the item on a server error, a 401 or a 429, removes it on a final 4xx and goes on', async () => {
    expect(isFinalRefusal(refused(503, 'X'))).toBe(false);
    expect(isFinalRefusal(refused(429, 'X'))).toBe(false);
    expect(isFinalRefusal(refused(401, 'AUTH.TOKEN_EXPIRED'))).toBe(false); // signed in again, sent
    expect(isFinalRefusal(refused(403, 'AUTH.FORBIDDEN'))).toBe(true);
    expect(isFinalRefusal(offline())).toBe(false);
    expect(isFinalRefusal(refused(409, 'DELIVERY.INVALID_TRANSITION'))).toBe(true);

    const store = new MemoryStore();
    await queued(
      store,
      newItem({ deliveryId: 'd1', step: 'check-out' }, T0, 'k1'),
      newItem({ deliveryId: 'd2', step: 'pickup' }, T0 + 1, 'k2'),
    );
    const { sender } = aSender({
      step: (item) => {
        if (item.key === 'k1') throw refused(409, 'DELIVERY.INVALID_TRANSITION');
      },
    });
    const result = await drain(store, sender);
    expect(result.refused).toEqual([
      expect.objectContaining({
        key: 'k1',
        deliveryId: 'd1',
        step: 'check-out',
        status: 409,
        code: 'DELIVERY.INVALID_TRANSITION',
      }),
    ]);
    expect(result.sent.map((i) => i.key)).toEqual(['k2']);
    expect(store.items.size).toBe(0);
  });

  it('uploads the signature and photo first and puts their refs in the proof; an interrupted drain does not upload again', async () => {
    const store = new MemoryStore();
    await queued(
      store,
      newItem(
        {
          deliveryId: 'd1',
          step: 'delivered',
          body: aHandOver(),
          signature: new Blob(['png']),
          photo: new Blob(['jpeg']),
        },
        T0,
        'k1',
      ),
    );
    let online = false;
    const first = aSender({
      step: () => {
        if (!online) throw offline();
      },
    });
    await drain(store, first.sender);
    expect(first.calls).toEqual(['upload d1 signature', 'upload d1 photo', 'delivered d1 k1']);
    const kept = store.items.get('k1')!;
    expect(kept.signature).toBeUndefined();
    expect(kept.body?.proof).toMatchObject({
      signatureRef: 'proof-image:signature-1',
      photoRef: 'proof-image:photo-2',
    });

    online = true;
    const sent: OutboxItem[] = [];
    const second = aSender({ step: (item) => sent.push(item) });
    await drain(store, second.sender);
    expect(second.calls).toEqual(['delivered d1 k1']);
    expect(sent[0].body).toMatchObject({
      recordedAt: new Date(T0).toISOString(),
      proof: { signatureRef: 'proof-image:signature-1' },
    });
    expect(store.items.size).toBe(0);
  });

  it('a refused upload (wrong image type) removes the hand-over and says so', async () => {
    const store = new MemoryStore();
    await queued(
      store,
      newItem(
        { deliveryId: 'd1', step: 'delivered', body: aHandOver(), signature: new Blob(['x']) },
        T0,
        'k1',
      ),
    );
    const { sender, calls } = aSender({
      upload: () => {
        throw refused(415, 'PROOF_IMAGE.UNSUPPORTED_TYPE');
      },
    });
    const result = await drain(store, sender);
    expect(calls).toEqual(['upload d1 signature']);
    expect(result.refused[0].code).toBe('PROOF_IMAGE.UNSUPPORTED_TYPE');
    expect(store.items.size).toBe(0);
  });

  it('records the tap time, and keeps tap order for taps in the same millisecond', () => {
    const a = newItem({ deliveryId: 'd1', step: 'pickup' }, T0, 'k1');
    const b = newItem({ deliveryId: 'd1', step: 'check-in' }, T0, 'k2', a.seq);
    expect(a.recordedAt).toBe('2026-12-03T02:00:00.000Z');
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(b.recordedAt).toBe(a.recordedAt);
  });

  it('shows a delivery at its last queued step', () => {
    const queue = [
      newItem({ deliveryId: 'd1', step: 'pickup' }, T0, 'k1'),
      newItem({ deliveryId: 'd1', step: 'check-in' }, T0 + 1, 'k2'),
    ];
    expect(optimisticStatus({ id: 'd1', status: 'assigned' }, queue)).toBe('arrived');
    expect(optimisticStatus({ id: 'd2', status: 'assigned' }, queue)).toBe('assigned');
  });
});
