import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Caller, Clock, DomainError } from '@app/common';
import { fromUnitPrice, toUnitPrice } from '../shared/price.dto';
import { stateFields } from '../shared/document-fields';
import { toActor } from '../shared/to-actor';
import {
  addRequiredSkus,
  approveSurvey,
  editObservations,
  newSurvey,
  PriceSurvey,
  returnSurvey,
  submitSurvey,
  surveyProblems,
} from './domain/price-survey';
import { mediansBySku } from './domain/survey-median';
import { MenuIngredientsDoc, PriceSurveyDoc } from './price-survey.schema';
import { ObservationsDto, SurveyView } from './price-survey.dto';

@Injectable()
export class PriceSurveysService {
  constructor(
    @InjectModel(PriceSurveyDoc.name) private readonly surveys: Model<PriceSurveyDoc>,
    @InjectModel(MenuIngredientsDoc.name)
    private readonly menuIngredients: Model<MenuIngredientsDoc>,
    private readonly clock: Clock,
  ) {}

  /** R-PROC-1: the survey of a week covers the ingredients of that week's published menus. */
  async open(week: string, caller: Caller): Promise<SurveyView> {
    const menu = await this.menuIngredients.findById(week).lean().exec();
    const survey = newSurvey(week, menu?.skus ?? [], toActor(caller), this.clock.now());
    try {
      await this.surveys.create({ _id: week, ...survey, version: 1 });
    } catch (e) {
      if ((e as { code?: number }).code === 11000) {
        throw new DomainError(
          'SURVEY.EXISTS',
          `the survey of ${week} is already open`,
          'conflict',
          [{ field: 'week', reason: 'already has a survey' }],
        );
      }
      throw e;
    }
    // A menu published while this survey was being created found no survey to widen: read the
    // week's ingredients again now that the survey exists, so both orders of arrival converge.
    const latest = await this.menuIngredients.findById(week).lean().exec();
    const missed = (latest?.skus ?? []).filter((sku) => !survey.requiredSkus.includes(sku));
    if (missed.length > 0) await this.widen(week, missed);
    return missed.length > 0 ? this.get(week) : toView(survey);
  }

  async editObservations(week: string, dto: ObservationsDto, caller: Caller): Promise<SurveyView> {
    const observations = dto.observations.map((o) => ({
      sku: o.sku,
      sourceName: o.sourceName,
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      ...toUnitPrice(o),
    }));
    return this.transition(week, (s) =>
      editObservations(s, observations, toActor(caller), this.clock.now()),
    );
  }

  submit(week: string, caller: Caller): Promise<SurveyView> {
    return this.transition(week, (s) => submitSurvey(s, toActor(caller), this.clock.now()));
  }

  approve(week: string, caller: Caller): Promise<SurveyView> {
    return this.transition(week, (s) => approveSurvey(s, toActor(caller), this.clock.now()));
  }

  sendBack(week: string, reason: string, caller: Caller): Promise<SurveyView> {
    return this.transition(week, (s) => returnSurvey(s, reason, toActor(caller), this.clock.now()));
  }

  async get(week: string): Promise<SurveyView> {
    return toView(await this.load(week));
  }

  /** R-PROC-4 input: medians of an approved survey, or undefined while it is not approved. */
  async approvedMedians(week: string): Promise<Map<string, number> | undefined> {
    const found = await this.surveys.findById(week).lean().exec();
    return found?.status === 'approved' ? mediansBySku(found.observations) : undefined;
  }

  /** orders.menu.published: remember the week's ingredients and widen a survey still being compiled. */
  async onMenuPublished(week: string, skus: string[]): Promise<void> {
    await this.menuIngredients
      .updateOne({ _id: week }, { $addToSet: { skus: { $each: skus } } }, { upsert: true })
      .exec();
    await this.widen(week, skus);
  }

  /** Adds SKUs to a survey still being compiled, retrying when someone changed it meanwhile. */
  private async widen(week: string, skus: string[]): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await this.surveys.findById(week).lean().exec();
      if (!found) return;
      const current: PriceSurvey = { ...found, week };
      const widened = addRequiredSkus(current, skus);
      if (widened.requiredSkus.length === found.requiredSkus.length) return;
      const saved = await this.surveys
        .updateOne(
          { _id: week, version: found.version },
          { $set: { requiredSkus: widened.requiredSkus }, $inc: { version: 1 } },
        )
        .exec();
      if (saved.modifiedCount === 1) return;
    }
    throw new DomainError(
      'SURVEY.CONCURRENT_UPDATE',
      `survey ${week} kept changing; retry`,
      'conflict',
    );
  }

  private async load(week: string): Promise<PriceSurveyDoc> {
    const found = await this.surveys.findById(week).lean().exec();
    if (!found) throw DomainError.notFound('price survey', week);
    return found;
  }

  /** Runs a pure transition and stores it only if nobody changed the survey meanwhile. */
  private async transition(
    week: string,
    change: (s: PriceSurvey) => PriceSurvey,
  ): Promise<SurveyView> {
    const found = await this.load(week);
    const next = change({ ...found, week: found._id });
    const fields = stateFields(next, ['week', 'returnReason']);
    const reason = next.returnReason;
    const saved = await this.surveys
      .updateOne(
        { _id: week, version: found.version },
        reason
          ? { $set: { ...fields, returnReason: reason }, $inc: { version: 1 } }
          : { $set: fields, $unset: { returnReason: '' }, $inc: { version: 1 } },
      )
      .exec();
    if (saved.modifiedCount !== 1) {
      throw new DomainError(
        'SURVEY.CONCURRENT_UPDATE',
        `survey ${week} was changed meanwhile; reload and retry`,
        'conflict',
      );
    }
    return toView(next);
  }
}

function toView(s: PriceSurvey | PriceSurveyDoc): SurveyView {
  return {
    week: 'week' in s ? s.week : s._id,
    status: s.status,
    requiredSkus: s.requiredSkus,
    observations: s.observations.map((o) => ({
      sku: o.sku,
      sourceName: o.sourceName,
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      ...fromUnitPrice(o),
    })),
    compilers: s.compilers,
    ...(s.returnReason ? { returnReason: s.returnReason } : {}),
    history: s.history,
    problems: surveyProblems(s),
  };
}
