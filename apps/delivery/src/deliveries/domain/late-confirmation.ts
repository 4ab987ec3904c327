/**
 * R-DEL-3 on a phone without network: the driver's steps are recorded on the phone and may reach
 * the service later. The service takes the time the driver recorded as the step's time, within
 * bounds, and flags a confirmation that arrived late. A check-out sent late is judged against the
 * service end by when the driver left (R-DEL-7), not by when the network came back.
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
  const { at, sentLate } = recordedStepTime(
    recordedAt,
    now,
    delivery.arrivedAt,
    'the arrival at the canteen',
  );
  return { deliveredAt: at, sentLate };
}

export interface StepTime {
  /** When the step happened: the time the driver recorded, or now. */
  at: Date;
  sentLate: boolean;
}

/**
 * The time of a driver's step (pickup, check-in, hand-over, check-out) recorded on the phone:
 * not in the future, not more than 24 h ago, not before the step it follows (`notBefore`).
 */
export function recordedStepTime(
  recordedAt: Date | undefined,
  now: Date,
  notBefore: Date | undefined,
  previousStep: string,
): StepTime {
  if (recordedAt === undefined) return { at: now, sentLate: false };
  const problem = recordedAtProblem(recordedAt, now, notBefore, previousStep);
  if (problem) {
    throw new DomainError(
      'DELIVERY.RECORDED_AT_INVALID',
      `recordedAt ${problem}`,
      'unprocessable',
      [{ field: 'recordedAt', reason: problem }],
    );
  }
  // The phone's clock may be a little off the server's: a recording slightly ahead of now, or
  // slightly before the previous step (stamped by the server), is pulled back into order.
  let at = recordedAt.getTime() > now.getTime() ? now : recordedAt;
  if (notBefore && at.getTime() < notBefore.getTime()) at = notBefore;
  return { at, sentLate: now.getTime() - recordedAt.getTime() > SENT_LATE_AFTER_MS };
}

function recordedAtProblem(
  recordedAt: Date,
  now: Date,
  notBefore: Date | undefined,
  previousStep: string,
): string | null {
  if (Number.isNaN(recordedAt.getTime())) return 'is not a time';
  if (recordedAt.getTime() > now.getTime() + PROOF_CLOCK_SKEW_MS) return 'lies in the future';
  if (recordedAt.getTime() < now.getTime() - LATE_CONFIRMATION_MAX_AGE_MS)
    return 'is more than 24 h ago';
  if (notBefore && recordedAt.getTime() < notBefore.getTime() - PROOF_CLOCK_SKEW_MS)
    return `lies before ${previousStep}`;
  return null;
}
