import type { Caller } from '@app/common';
import type { Actor } from './actor';

/** A driver is known to the staff directory and to delivery's events by its driverId. */
export function actorOf(caller: Caller): Actor {
  return {
    id: caller.role === 'driver' && caller.driverId ? caller.driverId : caller.sub,
    role: caller.role,
  };
}

/** Aftersales staff see every staff member's records; anyone else only their own (404 otherwise). */
export function ownStaffScope(caller: Caller): { staffId?: string } {
  return caller.role === 'aftersales' || caller.role === 'aftersales-lead'
    ? {}
    : { staffId: actorOf(caller).id };
}

/** Drops undefined values so a `$set` never writes them. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A copy without the named keys (storage bookkeeping that the domain does not know). */
export function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}
