import { DomainError } from '@app/common/errors/domain-error';
import type { ComplaintCause } from '../../complaints/domain/complaint.types';

/** R-AS-15: the four things a survey rates. */
export const SURVEY_ITEMS = ['attitude', 'skill', 'arrival-time', 'keeping-promises'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];

/** R-AS-15: four levels, 4 best. */
export const SURVEY_LEVELS = {
  'very-satisfied': 4,
  satisfied: 3,
  dissatisfied: 2,
  'very-dissatisfied': 1,
} as const;
export type SurveyLevel = keyof typeof SURVEY_LEVELS;

export type SurveyAnswers = Record<SurveyItem, SurveyLevel>;

/** An item rated at or below this opens a complaint. */
export const LOW_SCORE = SURVEY_LEVELS.dissatisfied;

/** The complaint cause a low-rated item stands for (category `service`). */
const CAUSE_OF_ITEM: Record<SurveyItem, ComplaintCause> = {
  attitude: 'staff-attitude',
  skill: 'service-skill',
  'arrival-time': 'late-delivery',
  'keeping-promises': 'broken-promise',
};

export interface SurveyScore {
  /** 4 (all very dissatisfied) to 16 (all very satisfied). */
  total: number;
  lowItems: SurveyItem[];
  /** R-AS-15: the complaint a low score opens, or null when none is needed. */
  complaint: { category: 'service'; cause: ComplaintCause; description: string } | null;
}

export function validateSurvey(answers: Partial<Record<string, string>>): SurveyAnswers {
  const problems = SURVEY_ITEMS.filter((item) => !(String(answers[item]) in SURVEY_LEVELS)).map(
    (item) => ({ field: item, reason: `must be one of ${Object.keys(SURVEY_LEVELS).join(', ')}` }),
  );
  if (problems.length > 0) {
    throw new DomainError(
      'FOLLOW_UP.SURVEY_INCOMPLETE',
      'every survey item needs a level',
      'invalid',
      problems,
    );
  }
  return answers as SurveyAnswers;
}

/**
 * R-AS-15: scores the four items; any item rated dissatisfied or worse opens one complaint,
 * whose cause is the worst-rated item (the first in survey order on a tie).
 */
export function scoreSurvey(answers: SurveyAnswers): SurveyScore {
  const scores = SURVEY_ITEMS.map((item) => ({ item, score: SURVEY_LEVELS[answers[item]] }));
  const total = scores.reduce((sum, s) => sum + s.score, 0);
  const low = scores.filter((s) => s.score <= LOW_SCORE);
  if (low.length === 0) return { total, lowItems: [], complaint: null };
  const worst = low.reduce((a, b) => (b.score < a.score ? b : a));
  return {
    total,
    lowItems: low.map((s) => s.item),
    complaint: {
      category: 'service',
      cause: CAUSE_OF_ITEM[worst.item],
      description: `follow-up survey rated low: ${low.map((s) => `${s.item} ${answers[s.item]}`).join(', ')}`,
    },
  };
}
