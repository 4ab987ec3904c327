/**
 * R-DEL-5: at-risk and breach checks. Each check is a stored due time; it fires at most once
 * and is then cleared (null), so a scheduler that claims the cleared state atomically fires it
 * exactly once across instances and restarts, and a late scheduler still catches up.
 */
import type { DeliveryAtRisk } from '@app/common/messaging/contracts';
import type { Delivery, DeliveryStatus, SlaPolicy } from './delivery';
import { deliveryRef, type DeliveryEvent, type Transition } from './delivery-events';

export interface ArmedTimers {
  atRiskDueAt: Date;
  breachDueAt: Date;
}

export function armTimers(deadline: Date, policy: SlaPolicy): ArmedTimers {
  return {
    atRiskDueAt: new Date(deadline.getTime() - policy.atRiskLeadMs),
    breachDueAt: deadline,
  };
}

/** Why an open delivery looks late; none once the goods are at the canteen. */
export function atRiskReason(status: DeliveryStatus): DeliveryAtRisk['reason'] | undefined {
  if (status === 'scheduled' || status === 'assigned') return 'not-dispatched';
  if (status === 'picked-up') return 'on-the-road';
  return undefined;
}

/** Statuses in which the deadline can still be missed. */
function undelivered(status: DeliveryStatus): boolean {
  return (
    status === 'scheduled' ||
    status === 'assigned' ||
    status === 'picked-up' ||
    status === 'arrived'
  );
}

export function hasDueTimer(delivery: Delivery, now: Date): boolean {
  const t = now.getTime();
  return (
    (delivery.atRiskDueAt !== null && delivery.atRiskDueAt.getTime() <= t) ||
    (delivery.breachDueAt !== null && delivery.breachDueAt.getTime() <= t)
  );
}

/**
 * Fires what is due at `now`. An at-risk warning found only after the deadline has passed is
 * dropped: the breach tells the same story and the canteen can no longer be warned in time.
 */
export function fireDueTimers(delivery: Delivery, now: Date): Transition {
  const next: Delivery = { ...delivery };
  const events: DeliveryEvent[] = [];
  const t = now.getTime();

  if (next.atRiskDueAt !== null && next.atRiskDueAt.getTime() <= t) {
    next.atRiskDueAt = null;
    const reason = atRiskReason(next.status);
    if (reason && t < next.deadline.getTime()) {
      next.atRiskNotifiedAt = now;
      events.push({
        type: 'delivery.delivery.at-risk',
        payload: { ...deliveryRef(next), reason, detectedAt: now.toISOString() },
      });
    }
  }

  if (next.breachDueAt !== null && next.breachDueAt.getTime() <= t) {
    next.breachDueAt = null;
    if (undelivered(next.status)) {
      next.breaches = [...next.breaches, { deadline: next.deadline, detectedAt: now }];
      events.push({
        type: 'delivery.delivery.breached',
        payload: {
          ...deliveryRef(next),
          ...(next.driverId ? { driverId: next.driverId } : {}),
          ...(next.assignedBy ? { dispatcherId: next.assignedBy } : {}),
          detectedAt: now.toISOString(),
        },
      });
    }
  }

  return { delivery: next, events };
}
