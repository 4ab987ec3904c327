import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  Clock,
  DomainError,
  EventEnvelope,
  EventFactory,
  OrderFacts,
  withEvents,
} from '@app/common';
import { IngredientsService } from '../../ingredients/ingredients.service';
import { usableUntilFor } from '../domain/lot-allocation';
import { actionForOrderFacts, backorderRetryOrder, shortageBySku } from '../domain/reservation';
import { reserveAllOrNothing, ReservationOutcome } from '../domain/reserve-all-or-nothing';
import { LotsService } from '../lots/lots.service';
import { BackorderMarker } from './backorder-marker.schema';
import { ReservationDoc, ReservationLease } from './reservation.schema';

const LEASE_MS = 30_000;
const LEASE_WAITS = 50;

/** `fresh`: the record was created under this lease, so no stock move can name the order yet. */
type Leased = ReservationDoc & { leaseId: string; fresh?: boolean };

@Injectable()
export class ReservationsService {
  private readonly logger = new Logger(ReservationsService.name);
  /**
   * Leases of this process's attempts that failed (a database outage, a lost race): the attempt
   * is over, so the next attempt for that order takes its lease at once instead of waiting out
   * LEASE_MS. Only this process knows the id, so another instance still waits.
   */
  private readonly abandoned = new Map<string, string[]>();

  constructor(
    @InjectModel(ReservationDoc.name) private readonly reservations: Model<ReservationDoc>,
    @InjectModel(BackorderMarker.name) private readonly backorders: Model<BackorderMarker>,
    private readonly lots: LotsService,
    private readonly ingredients: IngredientsService,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** R-ORD-2 / R-ORD-4: order placed or changed — (re)reserve its whole demand or backorder it. */
  async onOrderFacts(facts: OrderFacts): Promise<void> {
    const leased = await this.lease(
      facts.orderId,
      (r) => actionForOrderFacts(r, facts.revision) !== 'ignore',
      true,
    );
    if (!leased) return;
    await this.attempt(leased, () => this.reserveFacts(leased, facts));
  }

  private async reserveFacts(leased: Leased, facts: OrderFacts): Promise<void> {
    const now = this.clock.now();
    const attempt = leased.leaseId;
    if (!leased.fresh)
      await this.lots.releaseHolds(facts.orderId, attempt, now, `order revision ${facts.revision}`);
    const usableUntil = usableUntilFor(now, facts.requestedTime, facts.needBy, facts.mealStartsAt);
    const outcome = await this.reserve(
      facts.orderId,
      attempt,
      facts.ingredientDemand,
      usableUntil,
      now,
    );
    await this.finish(
      leased,
      {
        canteenId: facts.canteenId,
        revision: facts.revision,
        placedAt: new Date(facts.placedAt),
        usableUntil,
        demand: facts.ingredientDemand,
        ...outcomeFields(outcome),
      },
      [this.outcomeEvent(facts.orderId, facts.revision, outcome)],
    );
  }

  /** R-ORD-4: cancellation releases the reservation. A cancellation seen first leaves a tombstone. */
  async onOrderCancelled(orderId: string): Promise<void> {
    const leased = await this.lease(
      orderId,
      (r) => r.status !== 'issued' && r.status !== 'released',
      true,
    );
    if (!leased) return;
    await this.attempt(leased, async () => {
      const now = this.clock.now();
      await this.lots.releaseHolds(orderId, leased.leaseId, now, 'order cancelled');
      await this.finish(leased, { status: 'released', allocations: [], missing: [] }, [
        this.events.create('procurement.reservation.released', orderId, {
          orderId,
          reason: 'order cancelled',
        }),
      ]);
    });
  }

  /** Delivery completed: the reserved lots are issued (they physically left with the delivery). */
  async onDelivered(orderId: string): Promise<void> {
    const leased = await this.lease(orderId, (r) => r.status === 'confirmed', false);
    if (!leased) {
      this.logger.warn(
        `delivery of ${orderId} completed without a confirmed reservation: nothing to issue`,
      );
      return;
    }
    await this.attempt(leased, async () => {
      const issued = await this.lots.issueHolds(orderId, leased.leaseId, this.clock.now());
      await this.finish(leased, { status: 'issued', allocations: issued }, [
        this.events.create('procurement.reservation.issued', orderId, { orderId, issued }),
      ]);
    });
  }

  /** R-INV-3: after new stock, backorders are retried oldest placement first. */
  async retryBackorders(): Promise<string[]> {
    const backorders = await this.backordered();
    const confirmed: string[] = [];
    for (const r of backorderRetryOrder(
      backorders.map((b) => ({ ...b, orderId: b._id, placedAt: b.placedAt ?? new Date(0) })),
    )) {
      // Re-checked under the lease: the order may have changed since the list was read.
      const leased = await this.lease(
        r._id,
        (x) => x.status === 'backordered' && x.revision === r.revision,
        false,
        1,
      );
      if (!leased) continue;
      const outcome = await this.attempt(leased, async () => {
        const now = this.clock.now();
        const attempt = leased.leaseId;
        await this.lots.releaseHolds(r._id, attempt, now, 'backorder retry');
        const found = await this.reserve(
          r._id,
          attempt,
          leased.demand,
          leased.usableUntil ?? now,
          now,
        );
        const events =
          found.status === 'confirmed' ? [this.outcomeEvent(r._id, leased.revision, found)] : [];
        await this.finish(leased, outcomeFields(found), events);
        return found;
      });
      if (outcome.status === 'confirmed') confirmed.push(r._id);
    }
    return confirmed;
  }

  /** Runs the work of one leased attempt; a failed attempt leaves its lease for this process. */
  private async attempt<T>(leased: Leased, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.abandon(leased._id, leased.leaseId);
      throw error;
    }
  }

  async get(orderId: string): Promise<ReservationDoc> {
    const found = await this.reservations.findById(orderId).lean().exec();
    if (!found) throw DomainError.notFound('reservation', orderId);
    return found;
  }

  async shortages(): Promise<{ sku: string; quantity: number; orders: number }[]> {
    const backorders = await this.backordered();
    return shortageBySku(
      backorders.map((b) => ({ ...b, orderId: b._id, status: 'backordered' as const })),
    );
  }

  /** The backordered reservations, found through the live list. */
  private async backordered(): Promise<ReservationDoc[]> {
    const ids = (await this.backorders.find({}, { _id: 1 }).lean().exec()).map((m) => m._id);
    if (ids.length === 0) return [];
    const found = await this.reservations
      .find({ _id: { $in: ids } })
      .lean()
      .exec();
    return found.filter((r) => r.status === 'backordered');
  }

  private async reserve(
    orderId: string,
    attempt: string,
    demand: { sku: string; quantity: number }[],
    usableUntil: Date,
    now: Date,
  ): Promise<ReservationOutcome> {
    const strategyOf = await this.ingredients.strategies(demand.map((d) => d.sku));
    return reserveAllOrNothing(
      demand,
      strategyOf,
      usableUntil,
      this.lots.portFor(orderId, attempt, usableUntil, now, strategyOf),
    );
  }

  private outcomeEvent(
    orderId: string,
    revision: number,
    outcome: ReservationOutcome,
  ): EventEnvelope {
    return outcome.status === 'confirmed'
      ? this.events.create('procurement.reservation.confirmed', orderId, {
          orderId,
          revision,
          allocations: outcome.allocations,
        })
      : this.events.create('procurement.reservation.backordered', orderId, {
          orderId,
          revision,
          missing: outcome.missing,
        });
  }

  /**
   * Takes the order's lease and returns the reservation, or null when there is nothing to do
   * (`wanted` says no, or no record and not `createIfMissing`). Waits while another worker
   * holds the lease, then fails so that the consumer retries. `createIfMissing` starts the
   * record of an order seen for the first time (a cancellation seen first thus leaves a
   * released record that later facts cannot revive).
   */
  private async lease(
    orderId: string,
    wanted: (r: ReservationDoc) => boolean,
    createIfMissing: boolean,
    waits = LEASE_WAITS,
  ): Promise<Leased | null> {
    for (let i = 0; i < waits; i++) {
      const taken = await this.acquire(orderId, createIfMissing);
      if (taken === 'missing') return null;
      if (taken === 'held') {
        if (i + 1 < waits) await delay(100);
        continue;
      }
      if (taken.fresh || wanted(taken)) return taken;
      return await this.attempt(taken, () => this.giveUp(orderId, taken.leaseId));
    }
    if (waits === 1) return null;
    throw new DomainError(
      'RESERVATION.BUSY',
      `reservation of ${orderId} is being changed; retry`,
      'conflict',
    );
  }

  /**
   * The lease lives in the reservation itself: one guarded write takes it (or starts the record
   * under it), and the write that stores the outcome gives it back. A lease past `until` (its
   * holder died), or one of this process's own failed attempts, may be taken over; of several
   * racers only one write matches.
   */
  private async acquire(
    orderId: string,
    createIfMissing: boolean,
  ): Promise<Leased | 'held' | 'missing'> {
    const now = this.clock.now();
    const lease: ReservationLease = { id: randomUUID(), until: new Date(now.getTime() + LEASE_MS) };
    const mine = this.abandoned.get(orderId);
    const free = {
      _id: orderId,
      $or: [
        { lease: null },
        { 'lease.until': { $lte: now } },
        ...(mine ? [{ 'lease.id': { $in: mine } }] : []),
      ],
    };
    try {
      const taken = await this.reservations
        .findOneAndUpdate(
          free,
          { $set: { lease }, $setOnInsert: { revision: 0, status: 'pending' } },
          { upsert: createIfMissing, new: true, lean: true, includeResultMetadata: true },
        )
        .exec();
      const doc = taken.value as ReservationDoc | null;
      if (doc) {
        this.abandoned.delete(orderId);
        const fresh = createIfMissing && !taken.lastErrorObject?.updatedExisting;
        return { ...doc, leaseId: lease.id, ...(fresh ? { fresh } : {}) };
      }
    } catch (e) {
      // The upsert's insert met the record: its lease is held.
      if ((e as { code?: number }).code === 11000) return 'held';
      // No answer: the write may have been applied, and then this lease is ours to take over.
      this.abandon(orderId, lease.id);
      throw e;
    }
    return (await this.reservations.exists({ _id: orderId }).exec()) ? 'held' : 'missing';
  }

  private abandon(orderId: string, leaseId: string): void {
    this.abandoned.set(orderId, [...(this.abandoned.get(orderId) ?? []), leaseId].slice(-5));
  }

  private async giveUp(orderId: string, leaseId: string): Promise<null> {
    await this.reservations
      .updateOne({ _id: orderId, 'lease.id': leaseId }, { $unset: { lease: 1 } })
      .exec();
    return null;
  }

  /** Stores the outcome with its events and gives the lease back, in one write guarded by it. */
  private async finish(
    leased: Leased,
    fields: Partial<ReservationDoc>,
    events: EventEnvelope[],
  ): Promise<void> {
    // The marker goes first: a backordered reservation is never missing from the live list.
    if (fields.status === 'backordered')
      await this.backorders
        .updateOne({ _id: leased._id }, { $setOnInsert: { _id: leased._id } }, { upsert: true })
        .exec();
    const stored = await this.reservations
      .updateOne(
        { _id: leased._id, 'lease.id': leased.leaseId },
        withEvents({ $set: fields, $unset: { lease: 1 } }, events),
      )
      .exec();
    if (stored.matchedCount === 0) {
      throw new DomainError(
        'RESERVATION.LEASE_LOST',
        `reservation of ${leased._id} was taken over; retry`,
        'conflict',
      );
    }
    // A record started under this lease was never backordered, so it has no marker to remove.
    if (fields.status && fields.status !== 'backordered' && !leased.fresh)
      await this.backorders.deleteOne({ _id: leased._id }).exec();
  }
}

function outcomeFields(
  outcome: ReservationOutcome,
): Pick<ReservationDoc, 'status' | 'allocations' | 'missing'> {
  return outcome.status === 'confirmed'
    ? { status: 'confirmed', allocations: outcome.allocations, missing: [] }
    : { status: 'backordered', allocations: [], missing: outcome.missing };
}
