/**
 * R-ORD-5: the same Idempotency-Key gives the same order. A key reused for a different request is
 * a client bug; answering with the first order would hide it, so it is refused instead.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '@app/common/errors/domain-error';

/** Key order does not matter: `{a, b}` and `{b, a}` are the same request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function requestFingerprint(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}

export function assertSameRequest(storedFingerprint: string, request: unknown, key: string): void {
  if (storedFingerprint !== requestFingerprint(request)) {
    throw new DomainError(
      'ORDER.IDEMPOTENCY_KEY_REUSED',
      `Idempotency-Key ${key} was already used for a different order request`,
      'conflict',
      [{ field: 'Idempotency-Key', reason: 'already used for a different request' }],
    );
  }
}
