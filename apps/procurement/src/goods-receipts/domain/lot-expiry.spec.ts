import { DAY_MS } from '@app/common/clock/clock';
import { fromShanghai } from '@app/common/clock/business-time';
import { isExpired, lotExpiry } from './lot-expiry';

const receivedAt = fromShanghai(2026, 3, 2, 9, 0);

describe('lot expiry', () => {
  it('R-INV-1: without a label, expiry is received time + the ingredient shelf life', () => {
    expect(lotExpiry(receivedAt, 3)).toEqual(new Date(receivedAt.getTime() + 3 * DAY_MS));
  });

  it('R-INV-1: a label best-before earlier than the shelf life wins (usable through that Shanghai day)', () => {
    expect(lotExpiry(receivedAt, 30, '2026-03-04')).toEqual(fromShanghai(2026, 3, 5));
  });

  it('R-INV-1: a generous label never extends the catalogue shelf life', () => {
    expect(lotExpiry(receivedAt, 2, '2026-12-31')).toEqual(
      new Date(receivedAt.getTime() + 2 * DAY_MS),
    );
  });

  it('R-INV-1: a malformed label date is refused naming the field', () => {
    expect(() => lotExpiry(receivedAt, 2, '04/03/2026')).toThrow(
      expect.objectContaining({ code: 'RECEIPT.INVALID_LABEL_DATE' }),
    );
  });

  it('R-INV-2: a lot is expired from its expiry instant on', () => {
    const expiry = fromShanghai(2026, 3, 5);
    expect(isExpired(expiry, new Date(expiry.getTime() - 1))).toBe(false);
    expect(isExpired(expiry, expiry)).toBe(true);
  });
});
