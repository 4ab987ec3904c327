import { DomainError } from '../errors/domain-error';
import { assertInScope, canteenScope, supplierScope } from './scope';

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
