import { DomainError } from '../errors/domain-error';
import { Caller } from './roles';

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
