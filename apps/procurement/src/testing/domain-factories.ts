/** Small builders for domain test data; override only what a test is about. */
import type { LotCandidate } from '../inventory/domain/lot-allocation';

/** Monday 2026-03-09 00:00 UTC. */
export const now = new Date('2026-03-09T00:00:00Z');
/** `n` days after (negative: before) `now`. */
export const day = (n: number) => new Date(now.getTime() + n * 86_400_000);

export function aLot(overrides: Partial<LotCandidate> = {}): LotCandidate {
  return {
    lotId: 'lot-a',
    sku: 'PORK-BELLY',
    receivedAt: day(-3),
    expiresAt: day(5),
    available: 1000,
    status: 'available',
    ...overrides,
  };
}
