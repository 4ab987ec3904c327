/**
 * R-INV-1: a lot's best-before. The catalogue's shelf life counts from receipt; a label date,
 * when the keeper records one, is the last day the goods may be used (Shanghai calendar).
 * When both exist the EARLIER wins: food safety beats a generous label or catalogue entry.
 */
import { DAY_MS } from '@app/common/clock/clock';
import { addDays, startOfShanghaiDay } from '@app/common/clock/business-time';
import { DomainError } from '@app/common/errors/domain-error';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function lotExpiry(receivedAt: Date, shelfLifeDays: number, labelBestBefore?: string): Date {
  const byShelfLife = new Date(receivedAt.getTime() + shelfLifeDays * DAY_MS);
  if (labelBestBefore === undefined) return byShelfLife;
  if (!DATE_PATTERN.test(labelBestBefore)) {
    throw new DomainError(
      'RECEIPT.INVALID_LABEL_DATE',
      'label best-before must be YYYY-MM-DD',
      'invalid',
      [{ field: 'bestBefore', reason: 'must be a date YYYY-MM-DD' }],
    );
  }
  // "best before 2026-03-01" means usable through that whole day.
  const byLabel = startOfShanghaiDay(addDays(labelBestBefore, 1));
  return byLabel < byShelfLife ? byLabel : byShelfLife;
}

/** A lot is expired from its expiry instant on. */
export function isExpired(expiresAt: Date, at: Date): boolean {
  return at.getTime() >= expiresAt.getTime();
}
