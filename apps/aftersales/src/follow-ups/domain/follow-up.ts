import { DomainError } from '@app/common/errors/domain-error';
import type { Actor } from '../../shared/actor';
import {
  planSecondFollowUp,
  type DueWindow,
  type FollowUpKind,
  type FollowUpTrigger,
  type PlannedFollowUp,
} from './follow-up-schedule';
import { raiseOpenPoint, type OpenPoint } from './open-point';
import { scoreSurvey, type SurveyAnswers, type SurveyScore } from './survey';

/** One scheduled call or visit to a canteen (R-AS-13/14). */
export interface FollowUp {
  followUpId: string;
  canteenId: string;
  trigger: FollowUpTrigger;
  kind: FollowUpKind;
  window: DueWindow;
  dueFrom: Date;
  dueBy: Date;
  status: 'due' | 'done';
  doneAt?: Date;
  doneBy?: string;
  doneByRole?: string;
  notes?: string;
  survey?: SurveyAnswers;
  score?: SurveyScore;
  /** Keyed by point id so one point is updated in place without positional updates. */
  openPoints: Record<string, OpenPoint>;
}

export function scheduleFollowUp(
  followUpId: string,
  canteenId: string,
  trigger: FollowUpTrigger,
  plan: PlannedFollowUp,
): FollowUp {
  return { followUpId, canteenId, trigger, ...plan, status: 'due', openPoints: {} };
}

export interface CompleteFollowUp {
  notes: string;
  survey?: SurveyAnswers;
  openPoints?: string[];
}

export interface FollowUpCompletion {
  followUp: FollowUp;
  /** R-AS-14: the second follow-up, planned from when the first was done. */
  secondFollowUp?: PlannedFollowUp;
  /** R-AS-15: the complaint a low survey score opens. */
  complaint?: NonNullable<SurveyScore['complaint']>;
}

/**
 * R-AS-13…16: records the call or visit — its survey (scored), what it raised that could not be
 * answered on the spot (each due at the supervisor within 2 days) — and what follows from it.
 */
export function completeFollowUp(
  followUp: FollowUp,
  input: CompleteFollowUp,
  actor: Actor,
  now: Date,
  newPointId: (index: number) => string,
): FollowUpCompletion {
  if (followUp.status === 'done') {
    throw new DomainError(
      'FOLLOW_UP.ALREADY_DONE',
      'this follow-up was already recorded',
      'conflict',
    );
  }
  if (now.getTime() < followUp.dueFrom.getTime()) {
    throw new DomainError(
      'FOLLOW_UP.NOT_YET_DUE',
      `this follow-up is due from ${followUp.window.from}`,
      'conflict',
    );
  }
  const score = input.survey ? scoreSurvey(input.survey) : undefined;
  const openPoints: Record<string, OpenPoint> = {};
  (input.openPoints ?? []).forEach((text, i) => {
    const id = newPointId(i);
    openPoints[id] = raiseOpenPoint(id, text, actor.id, now);
  });
  const done: FollowUp = {
    ...followUp,
    status: 'done',
    doneAt: now,
    doneBy: actor.id,
    doneByRole: actor.role,
    notes: input.notes,
    ...(input.survey && { survey: input.survey }),
    ...(score && { score }),
    openPoints,
  };
  return {
    followUp: done,
    ...(followUp.kind === 'first-follow-up' && { secondFollowUp: planSecondFollowUp(now) }),
    ...(score?.complaint && { complaint: score.complaint }),
  };
}
