import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ClaimRecord } from './claim.schema';

/**
 * Exactly-once claims across instances, for work that is not one guarded write of one
 * aggregate (a timer whose firing writes elsewhere, a webhook call). Key a claim by what fires
 * and when: `'<what>:<id>:<due time>'`.
 */
@Injectable()
export class ClaimsService {
  constructor(@InjectModel(ClaimRecord.name) private readonly claims: Model<ClaimRecord>) {}

  /**
   * True for the one caller that gets `key`. A claim older than `leaseMs` whose work never
   * completed (its owner crashed, or gave it back) may be taken over.
   */
  async claim(key: string, now: Date, leaseMs: number): Promise<boolean> {
    try {
      await this.claims.create({ _id: key, claimedAt: now });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    const held = await this.claims.findById(key).lean().exec();
    if (!held || held.claimedAt.getTime() + leaseMs > now.getTime()) return false;
    const taken = await this.claims
      .updateOne({ _id: key, claimedAt: held.claimedAt }, { $set: { claimedAt: now } })
      .exec();
    return taken.modifiedCount === 1;
  }

  /** Gives a claim back when the work it guarded was not written, so it can be retried at once. */
  async release(key: string): Promise<void> {
    await this.claims.deleteOne({ _id: key }).exec();
  }
}
