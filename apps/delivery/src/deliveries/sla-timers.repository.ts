import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OPEN_STATUSES, type Delivery } from './domain/delivery';
import { SlaTimer } from './sla-timer.schema';

/** No check ahead, but the delivery is not finished: a later change may still add one. */
const NOTHING_DUE = new Date('9999-12-31T00:00:00Z');

/** The earliest SLA check still ahead of a delivery, or null when none is. */
export function nextSlaCheck(delivery: Delivery): Date | null {
  const due = [delivery.atRiskDueAt, delivery.breachDueAt].filter((d): d is Date => !!d);
  return due.length ? new Date(Math.min(...due.map((d) => d.getTime()))) : null;
}

@Injectable()
export class SlaTimersRepository {
  constructor(@InjectModel(SlaTimer.name) private readonly timers: Model<SlaTimer>) {}

  /**
   * Before `delivery` is written as `version`: a check it will have is on the list no later
   * than it is due, and older corrections can no longer raise the timer.
   */
  async expect(delivery: Delivery, version: number): Promise<void> {
    const due = nextSlaCheck(delivery);
    if (!due) return;
    const update = { $min: { dueAt: due }, $max: { version } };
    try {
      await this.timers.updateOne({ _id: delivery.deliveryId }, update, { upsert: true }).exec();
    } catch (e) {
      if ((e as { code?: number }).code !== 11000) throw e;
      await this.timers.updateOne({ _id: delivery.deliveryId }, update).exec();
    }
  }

  /** After `delivery` was written as (or read at) `version`: the timer shows what is ahead. */
  async settle(delivery: Delivery, version: number): Promise<void> {
    const filter = { _id: delivery.deliveryId, version: { $lte: version } };
    if (!OPEN_STATUSES.includes(delivery.status)) {
      await this.timers.deleteOne(filter).exec();
      return;
    }
    const dueAt = nextSlaCheck(delivery) ?? NOTHING_DUE;
    await this.timers.updateOne(filter, { $set: { dueAt, version } }).exec();
  }

  /** A timer whose delivery was never stored (its insert lost to the order's existing one). */
  async drop(deliveryId: string): Promise<void> {
    await this.timers.deleteOne({ _id: deliveryId }).exec();
  }

  async isEmpty(): Promise<boolean> {
    return (await this.timers.estimatedDocumentCount().exec()) === 0;
  }

  /** Deliveries with a check due by `now`, earliest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const found = await this.timers
      .find({ dueAt: { $lte: now } }, { _id: 1 })
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean()
      .exec();
    return found.map((t) => t._id);
  }
}
