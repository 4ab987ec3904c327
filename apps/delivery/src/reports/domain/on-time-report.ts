/**
 * R-DEL-8: on-time rate per day, per driver and per canteen. Decisions: a delivery belongs to
 * the Shanghai day of the deadline in force; it counts once its outcome is known (delivered, or
 * breached while still open); cancelled ones never count. A delivery excused by force majeure
 * is `waived`: listed, but neither on time nor late, so it leaves the rate alone.
 */
import { shanghaiDate } from '@app/common/clock/business-time';

export interface ReportedDelivery {
  deliveryId: string;
  orderId: string;
  canteenId: string;
  driverId?: string;
  status: string;
  deadline: Date;
  deliveredAt?: Date;
  breaches: { deadline: Date; detectedAt: Date; deliveredAt?: Date; waivedAt?: Date }[];
  forceMajeure: {
    cause: string;
    proofRef: string;
    previousDeadline: Date;
    newDeadline: Date;
    recordedAt: Date;
    recordedBy: string;
  }[];
}

export type Outcome = 'on-time' | 'breached' | 'waived' | 'pending' | 'cancelled';

export function outcomeOf(d: ReportedDelivery): Outcome {
  if (d.status === 'cancelled') return 'cancelled';
  if (d.breaches.some((b) => !b.waivedAt)) return 'breached';
  if (d.deliveredAt && d.deliveredAt.getTime() > d.deadline.getTime()) return 'breached';
  if (!d.deliveredAt) return 'pending';
  return d.forceMajeure.length > 0 ? 'waived' : 'on-time';
}

export interface OnTimeFigures {
  key: string;
  onTime: number;
  breached: number;
  waived: number;
  pending: number;
  /** onTime / (onTime + breached); null when nothing was decided yet. */
  onTimeRate: number | null;
}

export interface BreachLine {
  deliveryId: string;
  orderId: string;
  canteenId: string;
  driverId?: string;
  deadline: string;
  detectedAt: string;
  deliveredAt?: string;
  waived: boolean;
}

export interface WaiverLine {
  deliveryId: string;
  orderId: string;
  canteenId: string;
  cause: string;
  proofRef: string;
  previousDeadline: string;
  newDeadline: string;
  recordedAt: string;
  recordedBy: string;
}

export interface OnTimeReport {
  from: string;
  to: string;
  total: OnTimeFigures;
  byDay: OnTimeFigures[];
  byDriver: OnTimeFigures[];
  byCanteen: OnTimeFigures[];
  breaches: BreachLine[];
  waivers: WaiverLine[];
}

/** Deliveries not yet given to a driver are reported under this key. */
export const UNASSIGNED = 'unassigned';

function empty(key: string): OnTimeFigures {
  return { key, onTime: 0, breached: 0, waived: 0, pending: 0, onTimeRate: null };
}

function add(figures: OnTimeFigures, outcome: Exclude<Outcome, 'cancelled'>): void {
  if (outcome === 'on-time') figures.onTime += 1;
  else if (outcome === 'breached') figures.breached += 1;
  else if (outcome === 'waived') figures.waived += 1;
  else figures.pending += 1;
}

function withRate(f: OnTimeFigures): OnTimeFigures {
  const decided = f.onTime + f.breached;
  return {
    ...f,
    onTimeRate: decided === 0 ? null : Math.round((f.onTime / decided) * 10_000) / 10_000,
  };
}

function sorted(groups: Map<string, OnTimeFigures>): OnTimeFigures[] {
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key)).map(withRate);
}

/** `from` and `to` are inclusive Shanghai dates (`YYYY-MM-DD`). */
export function onTimeReport(
  deliveries: readonly ReportedDelivery[],
  from: string,
  to: string,
): OnTimeReport {
  const total = empty('total');
  const byDay = new Map<string, OnTimeFigures>();
  const byDriver = new Map<string, OnTimeFigures>();
  const byCanteen = new Map<string, OnTimeFigures>();
  const breaches: BreachLine[] = [];
  const waivers: WaiverLine[] = [];
  const bump = (
    groups: Map<string, OnTimeFigures>,
    key: string,
    outcome: Exclude<Outcome, 'cancelled'>,
  ) => {
    const figures = groups.get(key) ?? empty(key);
    add(figures, outcome);
    groups.set(key, figures);
  };

  for (const d of deliveries) {
    const day = shanghaiDate(d.deadline);
    if (day < from || day > to) continue;
    const outcome = outcomeOf(d);
    if (outcome === 'cancelled') continue;
    add(total, outcome);
    bump(byDay, day, outcome);
    bump(byDriver, d.driverId ?? UNASSIGNED, outcome);
    bump(byCanteen, d.canteenId, outcome);
    for (const b of d.breaches) {
      breaches.push({
        deliveryId: d.deliveryId,
        orderId: d.orderId,
        canteenId: d.canteenId,
        ...(d.driverId ? { driverId: d.driverId } : {}),
        deadline: b.deadline.toISOString(),
        detectedAt: b.detectedAt.toISOString(),
        ...(b.deliveredAt ? { deliveredAt: b.deliveredAt.toISOString() } : {}),
        waived: b.waivedAt !== undefined,
      });
    }
    for (const fm of d.forceMajeure) {
      waivers.push({
        deliveryId: d.deliveryId,
        orderId: d.orderId,
        canteenId: d.canteenId,
        cause: fm.cause,
        proofRef: fm.proofRef,
        previousDeadline: fm.previousDeadline.toISOString(),
        newDeadline: fm.newDeadline.toISOString(),
        recordedAt: fm.recordedAt.toISOString(),
        recordedBy: fm.recordedBy,
      });
    }
  }

  return {
    from,
    to,
    total: withRate(total),
    byDay: sorted(byDay),
    byDriver: sorted(byDriver),
    byCanteen: sorted(byCanteen),
    breaches: breaches.sort((a, b) => a.detectedAt.localeCompare(b.detectedAt)),
    waivers: waivers.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)),
  };
}
