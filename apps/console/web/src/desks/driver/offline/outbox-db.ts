import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Delivery } from '../../../api/delivery';
import type { OutboxItem, OutboxStore } from './outbox';

interface DriverDb extends DBSchema {
  outbox: { key: string; value: OutboxItem };
  /** The last list of deliveries the service answered, per driver: shown when offline. */
  deliveries: { key: string; value: { driverId: string; savedAt: string; list: Delivery[] } };
}

let db: Promise<IDBPDatabase<DriverDb>> | undefined;

function open(): Promise<IDBPDatabase<DriverDb>> {
  db ??= openDB<DriverDb>('driver-app', 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'key' });
      d.createObjectStore('deliveries', { keyPath: 'driverId' });
    },
  });
  return db;
}

/** The outbox in IndexedDB: it survives a reload and a closed app. */
export const outboxDb: OutboxStore = {
  all: async () => (await open()).getAll('outbox'),
  put: async (item) => void (await (await open()).put('outbox', item)),
  remove: async (key) => (await open()).delete('outbox', key),
};

export async function cachedDeliveries(driverId: string): Promise<Delivery[] | undefined> {
  return (await (await open()).get('deliveries', driverId))?.list;
}

export async function cacheDeliveries(driverId: string, list: Delivery[]): Promise<void> {
  await (await open()).put('deliveries', { driverId, savedAt: new Date().toISOString(), list });
}
