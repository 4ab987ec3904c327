import { MINUTE_MS, type ClaimsService } from '@app/common';

/** How long a claimed due item may stay unwritten before another instance takes it over. */
const TIMER_CLAIM_LEASE_MS = MINUTE_MS;

/**
 * Fires a due item once across instances: only the caller that claims `key`
 * (`'<what>:<id>:<due time>'`, a unique insert) runs `fire`. When
 * `fire` throws or returns false (nothing written), the claim is given back so the next sweep
 * retries at once. True when this caller fired it.
 */
export async function fireOnce(
  claims: ClaimsService,
  key: string,
  now: Date,
  fire: () => Promise<boolean>,
): Promise<boolean> {
  if (!(await claims.claim(key, now, TIMER_CLAIM_LEASE_MS))) return false;
  let fired = false;
  try {
    fired = await fire();
  } finally {
    if (!fired) await claims.release(key);
  }
  return fired;
}

/** The due-time part of a claim key. */
export function dueKey(at: Date | null | undefined): string {
  return at ? at.toISOString() : 'none';
}
