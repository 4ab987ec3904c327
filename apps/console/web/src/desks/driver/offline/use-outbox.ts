import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { drain, newItem, type OutboxItem, type Refusal } from './outbox';
import { driverSender } from './driver-api';
import { outboxDb } from './outbox-db';

const RETRY_MS = 15_000;

export interface Outbox {
  items: OutboxItem[];
  refusals: Refusal[];
  draining: boolean;
  enqueue(input: Parameters<typeof newItem>[0]): Promise<void>;
  drainNow(): void;
  dismiss(key: string): void;
}

export const OutboxContext = createContext<Outbox | null>(null);

export function useOutboxContext(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error('no outbox');
  return outbox;
}

/** One drain at a time in this tab; a request during a drain runs one more round after it. */
let running: Promise<void> | null = null;
let again = false;

/**
 * The outbox as React state: drained on start, on the `online` event, after every tap while
 * online, and every 15 s while something waits.
 */
export function useOutbox(): Outbox {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [draining, setDraining] = useState(false);

  const reload = useCallback(async () => {
    setItems([...(await outboxDb.all())].sort((a, b) => a.seq - b.seq));
  }, []);

  const drainNow = useCallback(() => {
    if (!navigator.onLine) return;
    if (running) {
      again = true;
      return;
    }
    setDraining(true);
    running = (async () => {
      try {
        do {
          again = false;
          const result = await drain(outboxDb, driverSender);
          if (result.refused.length) setRefusals((r) => [...r, ...result.refused]);
          if (result.sent.length || result.refused.length) {
            await queryClient.invalidateQueries({ queryKey: ['my-deliveries'] });
          }
          if (result.stoppedAt) break;
        } while (again && navigator.onLine);
      } finally {
        running = null;
        setDraining(false);
        await reload();
      }
    })();
  }, [queryClient, reload]);

  const enqueue = useCallback(
    async (input: Parameters<typeof newItem>[0]) => {
      const last = (await outboxDb.all()).reduce((m, i) => Math.max(m, i.seq), 0);
      await outboxDb.put(newItem(input, Date.now(), crypto.randomUUID(), last));
      await reload();
      drainNow();
    },
    [drainNow, reload],
  );

  useEffect(() => {
    void reload().then(drainNow);
    window.addEventListener('online', drainNow);
    return () => window.removeEventListener('online', drainNow);
  }, [reload, drainNow]);

  useEffect(() => {
    if (!items.length) return;
    const timer = setInterval(drainNow, RETRY_MS);
    return () => clearInterval(timer);
  }, [items.length, drainNow]);

  const dismiss = useCallback((key: string) => {
    setRefusals((r) => r.filter((x) => x.key !== key));
  }, []);

  return useMemo(
    () => ({ items, refusals, draining, enqueue, drainNow, dismiss }),
    [items, refusals, draining, enqueue, drainNow, dismiss],
  );
}
