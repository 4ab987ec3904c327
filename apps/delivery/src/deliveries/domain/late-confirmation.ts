/**
 * R-DEL-3 on a phone without network: the driver's confirmation is recorded on the phone and may
 * reach the service later. The service takes the time the driver recorded as the delivery time,
 * within bounds, and flags a confirmation that arrived late.
 */
import { DomainError } from '@app/common/errors/domain-error';
import { HOUR_MS, MINUTE_MS } from '@app/common/clock/clock';
import { PROOF_CLOCK_SKEW_MS } from './delivery-acceptance';
import type { Delivery } from './delivery';

/** A recorded confirmation older than this is refused: the phone sat on it too long. */
export const LATE_CONFIRMATION_MAX_AGE_MS = 24 * HOUR_MS;
/** Arriving more than this after it was recorded, a confirmation is `sentLate`. */
export const SENT_LATE_AFTER_MS = 5 * MINUTE_MS;

export interface ConfirmationTime {
  /** The delivery time: when the driver recorded it, or now. */
  deliveredAt: Date;
  sentLate: boolean;
}

export function confirmationTime(
  delivery: Delivery,
  recordedAt: Date | undefined,
  now: Date,
): ConfirmationTime {
  if (recordedAt === undefined) return { deliveredAt: now, sentLate: false };
  const problem = recordedAtProblem(delivery, recordedAt, now);
  if (problem) {
    throw new DomainError(
      'DELIVERY.RECORDED_AT_INVALID',
      `recordedAt ${problem}`,
      'unprocessable',
      [{ field: 'recordedAt', reason: problem }],
    );
  }
  // Clock skew may put a fresh recording slightly ahead of the server: never deliver in the future.
  const deliveredAt = recordedAt.getTime() > now.getTime() ? now : recordedAt;
  return { deliveredAt, sentLate: now.getTime() - recordedAt.getTime() > SENT_LATE_AFTER_MS };
}

function recordedAtProblem(delivery: Delivery, recordedAt: Date, now: Date): string | null {
  if (Number.isNaN(recordedAt.getTime())) return 'is not a time';
  if (recordedAt.getTime() > now.getTime() + PROOF_CLOCK_SKEW_MS) return 'lies in the future';
  if (recordedAt.getTime() < now.getTime() - LATE_CONFIRMATION_MAX_AGE_MS)
    return 'is more than 24 h ago';
  if (delivery.arrivedAt && recordedAt.getTime() < delivery.arrivedAt.getTime())
    return 'lies before the arrival at the canteen';
  return null;
}
