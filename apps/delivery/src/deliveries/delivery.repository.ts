import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
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
import type { Delivery } from './domain/delivery';
import type { DeliveryEvent, DeliveryEventType, Transition } from './domain/delivery-events';
import { DeliveryRecord } from './delivery.schema';
import { SlaTimersRepository } from './sla-timers.repository';

/** A delivery as loaded, with the version its next write must match. */
export interface StoredDelivery {
  delivery: Delivery;
  version: number;
}

/** Whether the write won, and what it wrote. */
export interface SaveResult extends Transition {
  saved: boolean;
}

/** A canteen sees its own deliveries, a driver those assigned to them; others' are not found. */
export const DELIVERY_SCOPE: ScopeFields = { canteenId: 'canteenId', driverId: 'driverId' };

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
    private readonly timers: SlaTimersRepository,
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
    await this.timers.expect(transition.delivery, 0);
    try {
      await this.model.create(newWithEvents({ _id: deliveryId, ...fields, version: 0 }, envelopes));
      return true;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      await this.timers.drop(deliveryId);
      return false;
    }
  }

  /**
   * Writes a transition and its events in one conditional update. False when someone else
   * wrote first (the version moved): that write won, and the caller re-reads. So an at-risk or
   * breach event is recorded once however many instances' sweeps race for it.
   */
  async save(stored: StoredDelivery, transition: Transition): Promise<SaveResult> {
    const { deliveryId } = transition.delivery;
    const envelopes = transition.events.map((e) => this.envelope(deliveryId, e));
    const changed = changedFields(stored.delivery, transition.delivery);
    const update = withEvents(
      { ...(Object.keys(changed).length > 0 ? { $set: changed } : {}), $inc: { version: 1 } },
      envelopes,
    );
    const version = stored.version + 1;
    await this.timers.expect(transition.delivery, version);
    const result = await this.model
      .updateOne({ _id: deliveryId, version: stored.version }, update)
      .exec();
    const saved = result.matchedCount === 1;
    if (saved) await this.timers.settle(transition.delivery, version);
    return { saved, ...transition };
  }

  private envelope(subject: string, event: DeliveryEvent): EventEnvelope {
    return typed(this.events, subject, event);
  }
}

/** Only what the transition changed is written: small writes, and a readable oplog. */
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
