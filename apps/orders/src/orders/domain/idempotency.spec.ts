import { anOrderRequest, MONDAY_10_00 } from '../../testing/domain-factories';
import { assertSameRequest, requestFingerprint } from './idempotency';

describe('idempotency key', () => {
  it('R-ORD-5: the same request under the same key is recognised, whatever its key order', () => {
    const fingerprint = requestFingerprint({
      urgent: false,
      dishes: [],
      requestedTime: MONDAY_10_00,
    });
    expect(() =>
      assertSameRequest(
        fingerprint,
        { requestedTime: MONDAY_10_00, dishes: [], urgent: false },
        'k',
      ),
    ).not.toThrow();
  });

  it('R-ORD-5: a key reused for a different request is refused with a conflict', () => {
    const fingerprint = requestFingerprint(anOrderRequest());
    expect(() =>
      assertSameRequest(
        fingerprint,
        anOrderRequest({ ingredients: [{ sku: 'RICE', quantity: 1 }] }),
        'k',
      ),
    ).toThrow(expect.objectContaining({ code: 'ORDER.IDEMPOTENCY_KEY_REUSED', kind: 'conflict' }));
  });
});
