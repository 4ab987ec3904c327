/**
 * R-DEL-6: force majeure (flood, fire, supplier failure) waives a breach only when a dispatcher
 * records it within 3 days of the event, with proof, a new delivery time, and the canteen
 * already notified. The new time becomes the deadline, with fresh at-risk and breach checks:
 * it is a new promise, and missing it is a breach again.
 */
import { DAY_MS } from '@app/common/clock/clock';
import { DomainError, type FieldProblem } from '@app/common/errors/domain-error';
import {
  FORCE_MAJEURE_CAUSES,
  OPEN_STATUSES,
  type Actor,
  type Delivery,
  type ForceMajeureCause,
  type SlaPolicy,
} from './delivery';
import { deliveryRef, type Transition } from './delivery-events';
import { armTimers } from './sla-timers';

/** "会在三天内书面和电话通知贵单位,并提供免责情况证明" (000). */
export const FORCE_MAJEURE_WINDOW_MS = 3 * DAY_MS;

export interface ForceMajeureCommand {
  cause: string;
  description?: string;
  proofRef?: string;
  occurredAt: Date;
  /** When the canteen was told; absent means it was not (yet) notified. */
  canteenNotifiedAt?: Date;
  newDeliveryTime: Date;
}

function isCause(value: string): value is ForceMajeureCause {
  return (FORCE_MAJEURE_CAUSES as readonly string[]).includes(value);
}

function inputProblems(delivery: Delivery, cmd: ForceMajeureCommand, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const t = now.getTime();
  if (!isCause(cmd.cause)) {
    problems.push({ field: 'cause', reason: `one of ${FORCE_MAJEURE_CAUSES.join(', ')}` });
  } else if (cmd.cause === 'other' && !cmd.description?.trim()) {
    problems.push({ field: 'description', reason: 'describe a cause of kind other' });
  }
  if (!cmd.proofRef?.trim()) {
    problems.push({ field: 'proofRef', reason: 'a proof reference is required' });
  }
  if (cmd.occurredAt.getTime() > t) {
    problems.push({ field: 'occurredAt', reason: 'lies in the future' });
  } else if (cmd.occurredAt.getTime() > delivery.deadline.getTime()) {
    problems.push({
      field: 'occurredAt',
      reason: 'after the deadline: it did not cause the delay',
    });
  }
  if (!cmd.canteenNotifiedAt) {
    problems.push({ field: 'canteenNotifiedAt', reason: 'the canteen must be notified first' });
  } else if (
    cmd.canteenNotifiedAt.getTime() > t ||
    cmd.canteenNotifiedAt.getTime() < cmd.occurredAt.getTime()
  ) {
    problems.push({ field: 'canteenNotifiedAt', reason: 'must lie between the event and now' });
  }
  const newTime = cmd.newDeliveryTime.getTime();
  if (delivery.deliveredAt) {
    if (newTime < delivery.deliveredAt.getTime()) {
      problems.push({ field: 'newDeliveryTime', reason: 'before the goods were delivered' });
    }
  } else if (newTime <= t || newTime <= delivery.deadline.getTime()) {
    problems.push({
      field: 'newDeliveryTime',
      reason: 'must lie in the future and after the current deadline',
    });
  }
  return problems;
}

export function recordForceMajeure(
  delivery: Delivery,
  cmd: ForceMajeureCommand,
  actor: Actor,
  now: Date,
  policy: SlaPolicy,
): Transition {
  if (delivery.status === 'cancelled') {
    throw new DomainError(
      'FORCE_MAJEURE.DELIVERY_CANCELLED',
      'a cancelled delivery has no deadline to move',
      'conflict',
    );
  }
  const open = OPEN_STATUSES.includes(delivery.status);
  const openBreach = delivery.breaches.findIndex((b) => !b.waivedAt);
  if (!open && openBreach < 0) {
    throw new DomainError(
      'FORCE_MAJEURE.NOTHING_TO_WAIVE',
      'the delivery was completed on time: there is no breach to waive',
      'conflict',
    );
  }
  if (now.getTime() - cmd.occurredAt.getTime() > FORCE_MAJEURE_WINDOW_MS) {
    throw new DomainError(
      'FORCE_MAJEURE.TOO_LATE',
      'force majeure must be recorded within 3 days of the event',
      'unprocessable',
      [{ field: 'occurredAt', reason: 'more than 3 days ago' }],
    );
  }
  const problems = inputProblems(delivery, cmd, now);
  if (problems.length > 0 || !isCause(cmd.cause) || !cmd.canteenNotifiedAt || !cmd.proofRef) {
    throw new DomainError(
      'FORCE_MAJEURE.INVALID',
      'force majeure needs a cause, proof, a notified canteen and a new delivery time',
      'invalid',
      problems,
    );
  }

  const newDeadline = cmd.newDeliveryTime;
  const next: Delivery = {
    ...delivery,
    deadline: newDeadline,
    deadlineBasis: 'force-majeure',
    forceMajeure: [
      ...delivery.forceMajeure,
      {
        cause: cmd.cause,
        description: cmd.description?.trim() ?? '',
        proofRef: cmd.proofRef.trim(),
        occurredAt: cmd.occurredAt,
        canteenNotifiedAt: cmd.canteenNotifiedAt,
        previousDeadline: delivery.deadline,
        newDeadline,
        recordedAt: now,
        recordedBy: actor.userId,
      },
    ],
    breaches: delivery.breaches.map((b, i) => (i === openBreach ? { ...b, waivedAt: now } : b)),
    ...(open ? armTimers(newDeadline, policy) : {}),
  };
  return {
    delivery: next,
    events: [
      {
        type: 'delivery.delivery.breach-waived',
        payload: {
          ...deliveryRef(next),
          cause: cmd.cause,
          proofRef: cmd.proofRef.trim(),
          newDeadline: newDeadline.toISOString(),
        },
      },
    ],
  };
}
