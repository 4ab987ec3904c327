import { DomainError } from '../errors/domain-error';
import {
  assertInScope,
  canteenScope,
  INTERNAL,
  SCOPED_BY_CANTEEN_ID,
  scopedFilter,
  supplierScope,
} from './scope';

describe('tenant scope', () => {
  const canteen = { sub: 'u1', role: 'canteen' as const, canteenId: 'c1' };
  const staff = { sub: 'u2', role: 'ops-manager' as const };

  it('pins a canteen to its own id and leaves staff unscoped', () => {
    expect(canteenScope(canteen)).toEqual({ canteenId: 'c1' });
    expect(canteenScope(staff)).toEqual({});
    expect(supplierScope(canteen)).toEqual({});
  });

  it("answers not-found for another canteen's record", () => {
    expect(() => assertInScope(canteen, { canteenId: 'c2' }, 'order', 'o1')).toThrow(
      expect.objectContaining({ kind: 'not-found', code: 'ORDER.NOT_FOUND' }) as DomainError,
    );
    expect(assertInScope(canteen, { canteenId: 'c1' }, 'order', 'o1')).toEqual({ canteenId: 'c1' });
    expect(assertInScope(staff, { canteenId: 'c2' }, 'order', 'o1')).toEqual({ canteenId: 'c2' });
  });
});

describe('scopedFilter: the caller scope always wins', () => {
  const supplier = { sub: 'u3', role: 'supplier' as const, supplierId: 's1' };
  const canteen = { sub: 'u1', role: 'canteen' as const, canteenId: 'c1' };
  const staff = { sub: 'u2', role: 'buyer' as const };

  it('pins the scoped field, whatever the filter asks for', () => {
    expect(scopedFilter(supplier, { supplierId: '_id' }, { _id: 's1' })).toEqual({ _id: 's1' });
    expect(scopedFilter(supplier, { supplierId: '_id' }, { _id: 's2' })).toEqual({
      $and: [{ _id: 's2' }, { _id: 's1' }],
    });
    expect(scopedFilter(canteen, SCOPED_BY_CANTEEN_ID, { status: 'placed' })).toEqual({
      status: 'placed',
      canteenId: 'c1',
    });
    expect(scopedFilter(canteen, SCOPED_BY_CANTEEN_ID, { canteenId: 'c2' })).toEqual({
      $and: [{ canteenId: 'c2' }, { canteenId: 'c1' }],
    });
  });

  it('leaves staff and the service itself unscoped', () => {
    expect(scopedFilter(staff, { supplierId: '_id' }, { _id: 's2' })).toEqual({ _id: 's2' });
    expect(scopedFilter(INTERNAL, SCOPED_BY_CANTEEN_ID, { _id: 'o1' })).toEqual({ _id: 'o1' });
  });

  it('refuses a scoped role the collection is not scoped by, and a token without its claim', () => {
    expect(() => scopedFilter(supplier, SCOPED_BY_CANTEEN_ID, {})).toThrow(
      expect.objectContaining({ kind: 'forbidden', code: 'AUTH.OUT_OF_SCOPE' }) as DomainError,
    );
    expect(() => scopedFilter({ sub: 'x', role: 'canteen' }, SCOPED_BY_CANTEEN_ID, {})).toThrow(
      expect.objectContaining({ code: 'AUTH.SCOPE_MISSING' }) as DomainError,
    );
  });
});
