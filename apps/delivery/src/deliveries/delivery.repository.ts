import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  ClaimsService,
  DomainError,
  EventFactory,
  INTERNAL,
  newWithEvents,
  type ScopedBy,
  scopedFilter,
  type ScopeFields,
  withEvents,
  type EventEnvelope,
  type PayloadOf,
} from '@app/common';
import { MINUTE_MS } from '@app/common';
import type { Delivery } from './domain/delivery';
import type { DeliveryEvent, DeliveryEventType, Transition } from './domain/delivery-events';
import { DeliveryRecord } from './delivery.schema';

/** A delivery as loaded, with the version its next write must match. */
export interface StoredDelivery {
  delivery: Delivery;
  version: number;
}

/** Whether the write won, and what it wrote (claimed-elsewhere events removed). */
export interface SaveResult extends Transition {
  saved: boolean;
}

/** A canteen sees its own deliveries, a driver those assigned to them; others' are not found. */
export const DELIVERY_SCOPE: ScopeFields = { canteenId: 'canteenId', driverId: 'driverId' };

/** How long a claimed SLA event may stay unwritten before another instance takes it over. */
const CLAIM_LEASE_MS = MINUTE_MS;

/** Events that must reach the broker once per deadline, however many instances race for them. */
const ONCE_PER_DEADLINE: DeliveryEventType[] = [
  'delivery.delivery.at-risk',
  'delivery.delivery.breached',
];

function onceKey(event: DeliveryEvent): string {
  const kind = event.type.split('.')[2];
  return `delivery:${event.payload.deliveryId}:${kind}:${event.payload.deadline}`;
}

const NOT_DOMAIN = ['_id', 'version', 'outbox', 'outboxAt', 'outboxSeq', 'createdAt', 'updatedAt'];

export function toDomain(record: DeliveryRecord): Delivery {
  const fields = Object.fromEntries(
    Object.entries(record).filter(([key]) => !NOT_DOMAIN.includes(key)),
  );
  return { ...fields, deliveryId: record._id } as unknown as Delivery;
}

@Injectable()
export class DeliveryRepository {
  constructor(
    @InjectModel(DeliveryRecord.name) readonly model: Model<DeliveryRecord>,
    private readonly events: EventFactory,
    private readonly claims: ClaimsService,
  ) {}

  async load(id: string, by: ScopedBy = INTERNAL): Promise<StoredDelivery> {
    const found = await this.model
      .findOne(scopedFilter(by, DELIVERY_SCOPE, { _id: id }))
      .lean()
      .exec();
    if (!found) throw DomainError.notFound('delivery', id);
    return { delivery: toDomain(found), version: found.version };
  }

  async findByOrder(orderId: string): Promise<StoredDelivery | null> {
    const found = await this.model.findOne({ orderId }).lean().exec();
    return found ? { delivery: toDomain(found), version: found.version } : null;
  }

  async find(filter: FilterQuery<DeliveryRecord>, limit = 500): Promise<StoredDelivery[]> {
    const found = await this.model.find(filter).sort({ deadline: 1 }).limit(limit).lean().exec();
    return found.map((r) => ({ delivery: toDomain(r), version: r.version }));
  }

  /** Inserts a new delivery with its events; false when the order already has one. */
  async insert(transition: Transition): Promise<boolean> {
    const { deliveryId, ...fields } = transition.delivery;
    const envelopes = transition.events.map((e) => this.envelope(deliveryId, e));
    try {
      await this.model.create(newWithEvents({ _id: deliveryId, ...fields, version: 0 }, envelopes));
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  /**
   * Writes a transition and its events in one conditional update. False when someone else
   * wrote first (the version moved): that write won, and the caller re-reads.
   */
  async save(stored: StoredDelivery, transition: Transition, now: Date): Promise<SaveResult> {
    const { claimed, kept } = await this.claimOnceEvents(stored, transition, now);
    const { deliveryId } = kept.delivery;
    const envelopes = kept.events.map((e) => this.envelope(deliveryId, e));
    const changed = changedFields(stored.delivery, kept.delivery);
    // Lost every claim and nothing else to write: the winner is writing this delivery.
    if (kept.events.length === 0 && Object.keys(changed).length === 0)
      return { saved: true, ...kept };
    const update = withEvents(
      { ...(Object.keys(changed).length > 0 ? { $set: changed } : {}), $inc: { version: 1 } },
      envelopes,
    );
    const result = await this.model
      .updateOne({ _id: deliveryId, version: stored.version }, update)
      .exec();
    if (result.matchedCount === 1) return { saved: true, ...kept };
    await Promise.all(claimed.map((key) => this.claims.release(key)));
    return { saved: false, ...kept };
  }

  /**
   * At-risk and breach events are claimed by a unique insert before they are written: the
   * version guard alone lets two writers through on FerretDB. An event claimed by someone else
   * is dropped with the state it would have added; that writer records it.
   */
  private async claimOnceEvents(
    stored: StoredDelivery,
    transition: Transition,
    now: Date,
  ): Promise<{ claimed: string[]; kept: Transition }> {
    const claimed: string[] = [];
    const lost: DeliveryEvent[] = [];
    for (const event of transition.events.filter((e) => ONCE_PER_DEADLINE.includes(e.type))) {
      const key = onceKey(event);
      if (await this.claims.claim(key, now, CLAIM_LEASE_MS)) claimed.push(key);
      else lost.push(event);
    }
    if (lost.length === 0) return { claimed, kept: transition };
    // What the lost events would have recorded stays as it was, their due times included: if
    // the winner's write fails, the next sweep still finds the check due.
    const before = stored.delivery;
    const delivery: Delivery = { ...transition.delivery };
    if (lost.some((e) => e.type === 'delivery.delivery.breached')) {
      delivery.breaches = before.breaches;
      delivery.breachDueAt = before.breachDueAt;
    }
    if (lost.some((e) => e.type === 'delivery.delivery.at-risk')) {
      delivery.atRiskDueAt = before.atRiskDueAt;
      if (before.atRiskNotifiedAt) delivery.atRiskNotifiedAt = before.atRiskNotifiedAt;
      else delete delivery.atRiskNotifiedAt;
    }
    return {
      claimed,
      kept: { delivery, events: transition.events.filter((e) => !lost.includes(e)) },
    };
  }

  private envelope(subject: string, event: DeliveryEvent): EventEnvelope {
    return typed(this.events, subject, event);
  }
}

/**
 * Only what the transition changed is written, so two writers racing on one delivery (a sweep
 * and a driver) do not undo each other's fields where the version guard cannot stop them.
 */
function changedFields(before: Delivery, after: Delivery): Record<string, unknown> {
  const was = before as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) =>
        key !== 'deliveryId' &&
        value !== undefined &&
        JSON.stringify(value) !== JSON.stringify(was[key]),
    ),
  );
}

function typed<T extends DeliveryEventType>(
  factory: EventFactory,
  subject: string,
  event: { type: T; payload: PayloadOf<T> },
): EventEnvelope {
  return factory.create(event.type, subject, event.payload);
}
