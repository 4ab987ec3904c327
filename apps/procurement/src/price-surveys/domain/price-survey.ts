/**
 * The weekly market price survey (R-PROC-1, R-PROC-2): compiled by a `buyer`, reviewed by an
 * `ops-manager` who is not one of its compilers. Transitions are pure: (survey, command, now).
 */
import { DomainError, FieldProblem } from '@app/common/errors/domain-error';
import { Actor, requireRole } from '../../shared/domain/actor';
import { record, TransitionRecord } from '../../shared/domain/transition-record';
import { assertUnitPrice, UnitPrice } from '../../shared/domain/unit-price';

export type SurveyStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export const MIN_OBSERVATIONS_PER_INGREDIENT = 3;

export interface PriceObservation extends UnitPrice {
  sku: string;
  /** Market, wholesaler or shop where the price was seen. */
  sourceName: string;
  contactName: string;
  contactPhone: string;
}

export interface PriceSurvey {
  week: string;
  status: SurveyStatus;
  /** Ingredients next week's menus use; every one needs observations. */
  requiredSkus: string[];
  observations: PriceObservation[];
  /** Everyone who compiled or edited it: none of them may review it. */
  compilers: string[];
  returnReason?: string;
  history: TransitionRecord<SurveyStatus>[];
}

export function newSurvey(
  week: string,
  requiredSkus: string[],
  actor: Actor,
  now: Date,
): PriceSurvey {
  requireRole(actor, ['buyer'], 'compile a price survey');
  return {
    week,
    status: 'draft',
    requiredSkus: unique(requiredSkus),
    observations: [],
    compilers: [actor.userId],
    history: [record('created', null, 'draft', actor, now)],
  };
}

/** The buyer replaces the observations while the survey is a draft or was sent back. */
export function editObservations(
  survey: PriceSurvey,
  observations: PriceObservation[],
  actor: Actor,
  now: Date,
): PriceSurvey {
  requireRole(actor, ['buyer'], 'edit a price survey');
  assertEditable(survey);
  observations.forEach((o, i) => assertUnitPrice(o, `observations[${i}]`));
  return {
    ...survey,
    observations,
    compilers: unique([...survey.compilers, actor.userId]),
    history: [...survey.history, record('edited', survey.status, survey.status, actor, now)],
  };
}

/** Next week's menu grew: the survey must cover its ingredients too. */
export function addRequiredSkus(survey: PriceSurvey, skus: string[]): PriceSurvey {
  if (survey.status === 'approved' || survey.status === 'submitted') return survey;
  return { ...survey, requiredSkus: unique([...survey.requiredSkus, ...skus]) };
}

/** R-PROC-1: every required ingredient has ≥ 3 observations from different sources, each with contact. */
export function surveyProblems(
  survey: Pick<PriceSurvey, 'requiredSkus' | 'observations'>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  survey.observations.forEach((o, i) => {
    if (!o.sourceName.trim())
      problems.push({ field: `observations[${i}].sourceName`, reason: 'is required' });
    if (!o.contactName.trim() || !o.contactPhone.trim()) {
      problems.push({
        field: `observations[${i}].contact`,
        reason: 'source contact name and phone are required',
      });
    }
  });
  for (const sku of survey.requiredSkus) {
    const sources = new Set(
      survey.observations.filter((o) => o.sku === sku).map((o) => normalise(o.sourceName)),
    );
    sources.delete('');
    if (sources.size < MIN_OBSERVATIONS_PER_INGREDIENT) {
      problems.push({
        field: `observations.${sku}`,
        reason: `needs prices from at least ${MIN_OBSERVATIONS_PER_INGREDIENT} different sources, has ${sources.size}`,
      });
    }
  }
  return problems;
}

export function submitSurvey(survey: PriceSurvey, actor: Actor, now: Date): PriceSurvey {
  requireRole(actor, ['buyer'], 'submit a price survey');
  assertEditable(survey);
  if (survey.requiredSkus.length === 0) {
    throw new DomainError(
      'SURVEY.NOTHING_TO_SURVEY',
      'no ingredients to survey for this week',
      'unprocessable',
      [{ field: 'requiredSkus', reason: 'next week has no menu ingredients yet' }],
    );
  }
  const problems = surveyProblems(survey);
  if (problems.length > 0) {
    throw new DomainError(
      'SURVEY.INCOMPLETE',
      'the survey does not cover every ingredient',
      'unprocessable',
      problems,
    );
  }
  const rest = { ...survey };
  delete rest.returnReason;
  return {
    ...rest,
    status: 'submitted',
    history: [...survey.history, record('submitted', survey.status, 'submitted', actor, now)],
  };
}

export function approveSurvey(survey: PriceSurvey, actor: Actor, now: Date): PriceSurvey {
  assertReviewable(survey, actor);
  return {
    ...survey,
    status: 'approved',
    history: [...survey.history, record('approved', 'submitted', 'approved', actor, now)],
  };
}

export function returnSurvey(
  survey: PriceSurvey,
  reason: string,
  actor: Actor,
  now: Date,
): PriceSurvey {
  assertReviewable(survey, actor);
  if (!reason.trim()) {
    throw new DomainError('SURVEY.REASON_REQUIRED', 'a returned survey needs a reason', 'invalid', [
      { field: 'reason', reason: 'is required' },
    ]);
  }
  return {
    ...survey,
    status: 'returned',
    returnReason: reason,
    history: [...survey.history, record('returned', 'submitted', 'returned', actor, now, reason)],
  };
}

function assertReviewable(survey: PriceSurvey, actor: Actor): void {
  requireRole(actor, ['ops-manager'], 'review a price survey');
  if (survey.compilers.includes(actor.userId)) {
    throw new DomainError(
      'SURVEY.SEPARATION_OF_DUTIES',
      'the person who compiled a survey cannot review it',
      'forbidden',
    );
  }
  if (survey.status !== 'submitted') {
    throw new DomainError(
      'SURVEY.NOT_SUBMITTED',
      `survey is ${survey.status}, not submitted`,
      'conflict',
    );
  }
}

function assertEditable(survey: PriceSurvey): void {
  if (survey.status !== 'draft' && survey.status !== 'returned') {
    throw new DomainError('SURVEY.NOT_EDITABLE', `survey is ${survey.status}`, 'conflict');
  }
}

function normalise(sourceName: string): string {
  return sourceName.trim().toLowerCase().replace(/\s+/g, ' ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
