import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  DomainError,
  INTERNAL,
  type ScopedBy,
  scopedFilter,
  SCOPED_BY_CANTEEN_ID,
} from '@app/common';
import { definedOnly, omit } from '../shared/caller-actor';
import type { Complaint } from './domain/complaint';
import { nextTimerDueAt } from './domain/response-timers';
import { ComplaintDoc } from './complaint.schema';

export interface StoredComplaint {
  complaint: Complaint;
  version: number;
}

/** Complaints as plain domain objects; every write is one guarded single-document update. */
@Injectable()
export class ComplaintsRepository {
  constructor(@InjectModel(ComplaintDoc.name) private readonly model: Model<ComplaintDoc>) {}

  /** Inserts once: the same id again (a redelivered event, a repeated survey) is a no-op. */
  async insertOnce(complaint: Complaint): Promise<boolean> {
    try {
      await this.model.create({
        _id: complaint.complaintId,
        ...this.fields(complaint),
        version: 1,
      });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async find(id: string, by: ScopedBy = INTERNAL): Promise<StoredComplaint | null> {
    const doc = await this.model
      .findOne(scopedFilter(by, SCOPED_BY_CANTEEN_ID, { _id: id }))
      .lean()
      .exec();
    return doc ? { complaint: toDomain(doc), version: doc.version } : null;
  }

  async get(id: string, by: ScopedBy = INTERNAL): Promise<StoredComplaint> {
    const found = await this.find(id, by);
    if (!found) throw DomainError.notFound('complaint', id);
    return found;
  }

  /** Saves if nobody else wrote since `version` was read; returns false on a lost race. */
  async save(complaint: Complaint, version: number, justClosed = false): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: complaint.complaintId, version },
        {
          $set: {
            ...this.fields(complaint),
            version: version + 1,
            ...(justClosed && { followUpsPlanned: false }),
          },
        },
      )
      .exec();
    return result.matchedCount === 1;
  }

  async saveOrConflict(complaint: Complaint, version: number, justClosed = false): Promise<void> {
    if (!(await this.save(complaint, version, justClosed))) {
      throw new DomainError(
        'COMPLAINT.CHANGED_CONCURRENTLY',
        'the complaint changed meanwhile; reload and retry',
        'conflict',
      );
    }
  }

  async list(filter: FilterQuery<ComplaintDoc>, limit = 200): Promise<Complaint[]> {
    const docs = await this.model.find(filter).sort({ recordedAt: -1 }).limit(limit).lean().exec();
    return docs.map(toDomain);
  }

  /** R-AS-4: complaints with a response time due by `now`, oldest first. */
  async dueTimers(now: Date, limit = 200): Promise<StoredComplaint[]> {
    const docs = await this.model
      .find({ nextTimerDueAt: { $lte: now } })
      .sort({ nextTimerDueAt: 1 })
      .limit(limit)
      .lean()
      .exec();
    return docs.map((d) => ({ complaint: toDomain(d), version: d.version }));
  }

  async closedAwaitingFollowUps(limit = 200): Promise<Complaint[]> {
    return this.list({ status: 'closed', followUpsPlanned: false }, limit);
  }

  async markFollowUpsPlanned(id: string): Promise<void> {
    await this.model
      .updateOne({ _id: id, followUpsPlanned: false }, { $set: { followUpsPlanned: true } })
      .exec();
  }

  /** R-AS-18: open complaints with a response time due by `until`, escalated, or special cases. */
  async openWithTimersDue(until: Date): Promise<Complaint[]> {
    return this.list({
      status: { $ne: 'closed' },
      $or: [{ nextTimerDueAt: { $lte: until } }, { escalated: true }, { specialCase: true }],
    });
  }

  private fields(c: Complaint): Partial<ComplaintDoc> {
    const rest = omit(c, 'complaintId');
    const escalated = Object.values(c.timers).some((t) => t?.escalatedAt && !t.metAt);
    return definedOnly({
      ...rest,
      nextTimerDueAt: c.status === 'closed' ? null : nextTimerDueAt(c.timers),
      escalated: c.status !== 'closed' && escalated,
    });
  }
}

function toDomain(d: ComplaintDoc): Complaint {
  const rest = omit(d, '_id', 'version', 'nextTimerDueAt', 'escalated', 'followUpsPlanned');
  return { complaintId: d._id, ...rest } as Complaint;
}
