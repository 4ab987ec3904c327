import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  Caller,
  Clock,
  DomainError,
  shanghaiDate,
  scopedFilter,
  SCOPED_BY_CANTEEN_ID,
} from '@app/common';
import { CanteenCopy } from '../canteens/canteen-copy.schema';
import { splitQuarterIntoMonths } from './domain/quarterly-visit-plan';
import { VisitPlanDoc } from './visit-plan.schema';
import type {
  PlanQuarterDto,
  RecordVisitDto,
  VisitPlanQuery,
  VisitPlanView,
} from './visit-plan.dto';

@Injectable()
export class VisitPlansService {
  constructor(
    @InjectModel(VisitPlanDoc.name) private readonly plans: Model<VisitPlanDoc>,
    @InjectModel(CanteenCopy.name) private readonly canteens: Model<CanteenCopy>,
    private readonly clock: Clock,
  ) {}

  /** R-AS-17: a plan per canteen, split into months; planning again keeps existing plans. */
  async planQuarter(dto: PlanQuarterDto, caller: Caller): Promise<VisitPlanView[]> {
    const months = Object.fromEntries(
      splitQuarterIntoMonths(dto.quarter, dto.visitsPerQuarter).map((m) => [
        m.month,
        { planned: m.planned, done: 0 },
      ]),
    );
    const canteenIds =
      dto.canteenIds ??
      (await this.canteens.find({ active: true }).select('_id').lean().exec()).map((c) => c._id);
    const now = this.clock.now();
    for (const canteenId of canteenIds) {
      await this.plans
        .updateOne(
          { _id: `${canteenId}-${dto.quarter}` },
          {
            $setOnInsert: {
              canteenId,
              quarter: dto.quarter,
              months,
              visits: [],
              plannedBy: caller.sub,
              plannedAt: now,
            },
          },
          { upsert: true },
        )
        .exec();
    }
    return this.list({ quarter: dto.quarter }, caller);
  }

  async list(query: VisitPlanQuery, caller: Caller): Promise<VisitPlanView[]> {
    const docs = await this.plans
      .find(
        scopedFilter(caller, SCOPED_BY_CANTEEN_ID, {
          ...(query.quarter && { quarter: query.quarter }),
          ...(query.canteenId && { canteenId: query.canteenId }),
        }),
      )
      .sort({ _id: 1 })
      .lean()
      .exec();
    return docs.map(toView);
  }

  /** Counts a visit in the Shanghai month it happens, if that month belongs to the plan. */
  async recordVisit(id: string, dto: RecordVisitDto, caller: Caller): Promise<VisitPlanView> {
    const now = this.clock.now();
    const month = shanghaiDate(now).slice(0, 7);
    const updated = await this.plans
      .findOneAndUpdate(
        { _id: id, [`months.${month}`]: { $exists: true } },
        {
          $inc: { [`months.${month}.done`]: 1 },
          $push: { visits: { month, visitedAt: now, visitedBy: caller.sub, notes: dto.notes } },
        },
        { new: true },
      )
      .lean()
      .exec();
    if (!updated) {
      if (!(await this.plans.exists({ _id: id }))) throw DomainError.notFound('visit plan', id);
      throw new DomainError(
        'VISIT_PLAN.OUTSIDE_QUARTER',
        `${month} is not a month of this plan`,
        'conflict',
      );
    }
    return toView(updated);
  }
}

function toView(d: VisitPlanDoc): VisitPlanView {
  return {
    id: d._id,
    canteenId: d.canteenId,
    quarter: d.quarter,
    months: d.months,
    visits: d.visits,
  };
}
