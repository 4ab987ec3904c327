/** How the dispatch board marks a delivery (R-DEL-5): the service's timers decide, the board shows. */

export interface DeliveryLike {
  status: string;
  deadline: string;
  atRiskNotifiedAt?: string;
  breaches: { waivedAt?: string }[];
}

export type DeliveryFlag = 'breached' | 'at-risk' | 'open' | 'done' | 'cancelled';

const ON_THE_WAY = ['scheduled', 'assigned', 'picked-up'];

export function deliveryFlag(d: DeliveryLike): DeliveryFlag {
  if (d.status === 'cancelled') return 'cancelled';
  if (d.breaches.some((b) => !b.waivedAt)) return 'breached';
  if (d.status === 'arrived' || d.status === 'delivered' || d.status === 'departed') return 'done';
  if (d.atRiskNotifiedAt && ON_THE_WAY.includes(d.status)) return 'at-risk';
  return 'open';
}

/** Board order: earliest deadline first; ties put breached, then at-risk, first. */
export function byDeadline<T extends DeliveryLike>(deliveries: readonly T[]): T[] {
  const weight: Record<DeliveryFlag, number> = {
    breached: 0,
    'at-risk': 1,
    open: 2,
    done: 3,
    cancelled: 4,
  };
  return [...deliveries].sort(
    (a, b) =>
      a.deadline.localeCompare(b.deadline) || weight[deliveryFlag(a)] - weight[deliveryFlag(b)],
  );
}

/** On-time rate as a percentage with one decimal, or null when nothing was decided. */
export function ratePercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}
