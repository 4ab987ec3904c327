import { DomainError } from '../errors/domain-error';
import { Caller, SCOPE_CLAIM } from './roles';

/**
 * Tenant scope of a query. A scoped caller (canteen, supplier, driver) only ever sees its own
 * records: the filter pins its id, so someone else's record is simply not found (404).
 * Staff roles get an empty scope.
 */
export function canteenScope(caller: Caller): { canteenId?: string } {
  return caller.role === 'canteen' ? { canteenId: required(caller.canteenId, 'canteenId') } : {};
}

export function supplierScope(caller: Caller): { supplierId?: string } {
  return caller.role === 'supplier'
    ? { supplierId: required(caller.supplierId, 'supplierId') }
    : {};
}

export function driverScope(caller: Caller): { driverId?: string } {
  return caller.role === 'driver' ? { driverId: required(caller.driverId, 'driverId') } : {};
}

export type TenantClaim = 'canteenId' | 'supplierId' | 'driverId';

/**
 * Which field of a collection's documents holds each scoped role's id: `{ canteenId: 'canteenId' }`
 * for orders, `{ supplierId: '_id' }` for the suppliers themselves. A scoped role a collection does
 * not list may not read it at all.
 */
export type ScopeFields = Partial<Record<TenantClaim, string>>;

/** Reads made by the service itself (event handlers, timers): no caller, no tenant scope. */
export const INTERNAL = 'internal' as const;
export type ScopedBy = Caller | typeof INTERNAL;

/**
 * The filter of every scoped read or list. The caller's scope is applied after — and
 * cannot be overwritten by — anything in `filter`: when `filter` already names the scoped field
 * (an `_id` asked for, a `canteenId` query parameter), both must hold, so another tenant's record
 * is simply not found. Lint forbids spreading a scope into a filter by hand.
 */
export function scopedFilter<F extends object>(by: ScopedBy, fields: ScopeFields, filter: F): F {
  if (by === INTERNAL) return filter;
  const claim = SCOPE_CLAIM[by.role];
  if (!claim) return filter;
  const field = fields[claim];
  if (!field) {
    throw new DomainError(
      'AUTH.OUT_OF_SCOPE',
      `a ${by.role} token may not read these records`,
      'forbidden',
    );
  }
  const own = required(by[claim], claim);
  const asked = (filter as Record<string, unknown>)[field];
  if (asked === undefined || asked === own) return { ...filter, [field]: own };
  return { $and: [filter, { [field]: own }] } as unknown as F;
}

/** Throws not-found when a scoped caller asks for a record outside its scope. */
export function assertInScope<T extends object>(
  caller: Caller,
  record: T | null | undefined,
  what: string,
  id: string,
): T {
  if (!record) throw DomainError.notFound(what, id);
  const claim = (['canteenId', 'supplierId', 'driverId'] as const).find(
    (k) => caller.role === roleOf(k) && k in record,
  );
  if (claim && (record as Record<string, unknown>)[claim] !== caller[claim]) {
    throw DomainError.notFound(what, id);
  }
  return record;
}

function roleOf(claim: 'canteenId' | 'supplierId' | 'driverId'): Caller['role'] {
  return claim === 'canteenId' ? 'canteen' : claim === 'supplierId' ? 'supplier' : 'driver';
}

function required(value: string | undefined, claim: string): string {
  if (!value)
    throw new DomainError('AUTH.SCOPE_MISSING', `token lacks the ${claim} claim`, 'forbidden');
  return value;
}

/** The usual shape: the documents carry the canteen's id in `canteenId`. */
export const SCOPED_BY_CANTEEN_ID: ScopeFields = { canteenId: 'canteenId' };
