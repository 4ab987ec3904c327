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
import type { FollowUp } from './domain/follow-up';
import { FollowUpDoc } from './follow-up.schema';

export interface StoredFollowUp {
  followUp: FollowUp;
  version: number;
  consequencesApplied: boolean | null;
}

@Injectable()
export class FollowUpsRepository {
  constructor(@InjectModel(FollowUpDoc.name) private readonly model: Model<FollowUpDoc>) {}

  /** Plans once: an id already there (redelivery, second sweep) is left as it is. */
  async insertOnce(followUp: FollowUp): Promise<void> {
    const { followUpId: _id } = followUp;
    const rest = omit(followUp, 'followUpId');
    await this.model
      .updateOne(
        { _id },
        { $setOnInsert: { ...definedOnly(rest), version: 1, nextReportDueAt: null } },
        { upsert: true },
      )
      .exec();
  }

  async get(id: string, by: ScopedBy = INTERNAL): Promise<StoredFollowUp> {
    const doc = await this.model
      .findOne(scopedFilter(by, SCOPED_BY_CANTEEN_ID, { _id: id }))
      .lean()
      .exec();
    if (!doc) throw DomainError.notFound('follow-up', id);
    return toStored(doc);
  }

  async save(
    followUp: FollowUp,
    version: number,
    extra: Partial<FollowUpDoc> = {},
  ): Promise<boolean> {
    const { followUpId: _id } = followUp;
    const rest = omit(followUp, 'followUpId');
    const result = await this.model
      .updateOne(
        { _id, version },
        {
          $set: {
            ...definedOnly(rest),
            ...extra,
            version: version + 1,
            nextReportDueAt: nextReportDue(followUp),
            pendingPoints: hasPendingPoints(followUp),
          },
        },
      )
      .exec();
    return result.matchedCount === 1;
  }

  async saveOrConflict(
    followUp: FollowUp,
    version: number,
    extra: Partial<FollowUpDoc> = {},
  ): Promise<void> {
    if (!(await this.save(followUp, version, extra))) {
      throw new DomainError(
        'FOLLOW_UP.CHANGED_CONCURRENTLY',
        'the follow-up changed meanwhile; retry',
        'conflict',
      );
    }
  }

  async markConsequencesApplied(id: string): Promise<void> {
    await this.model
      .updateOne({ _id: id, consequencesApplied: false }, { $set: { consequencesApplied: true } })
      .exec();
  }

  async list(filter: FilterQuery<FollowUpDoc>, limit = 500): Promise<FollowUp[]> {
    const docs = await this.model.find(filter).sort({ dueFrom: 1 }).limit(limit).lean().exec();
    return docs.map((d) => toStored(d).followUp);
  }

  async awaitingConsequences(limit = 200): Promise<StoredFollowUp[]> {
    const docs = await this.model.find({ consequencesApplied: false }).limit(limit).lean().exec();
    return docs.map(toStored);
  }

  async reportsDue(now: Date, limit = 200): Promise<StoredFollowUp[]> {
    const docs = await this.model
      .find({ nextReportDueAt: { $lte: now } })
      .sort({ nextReportDueAt: 1 })
      .limit(limit)
      .lean()
      .exec();
    return docs.map(toStored);
  }

  /** Follow-ups with an open point the supervisor or the canteen still waits for (R-AS-16/18). */
  async withOpenPoints(until: Date): Promise<FollowUp[]> {
    return this.list({ pendingPoints: true, doneAt: { $lte: until } });
  }
}

function nextReportDue(f: FollowUp): Date | null {
  const due = Object.values(f.openPoints)
    .filter((p) => !p.reportedAt)
    .map((p) => p.reportDueAt.getTime());
  return due.length ? new Date(Math.min(...due)) : null;
}

function hasPendingPoints(f: FollowUp): boolean {
  return Object.values(f.openPoints).some((p) => !p.canteenNotifiedAt);
}

function toStored(d: FollowUpDoc): StoredFollowUp {
  const rest = omit(d, '_id', 'version', 'nextReportDueAt', 'pendingPoints', 'consequencesApplied');
  return {
    followUp: { followUpId: d._id, ...rest },
    version: d.version,
    consequencesApplied: d.consequencesApplied,
  };
}
