import { DomainError } from '@app/common/errors/domain-error';
import type { Actor } from '../../shared/actor';
import { step, type Complaint, type ComplaintStep } from './complaint';
import {
  causeBelongsTo,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintStatus,
  type ComplaintSubject,
  type Department,
} from './complaint.types';
import type { Routing } from './complaint-routing';
import { meetTimer, startSupervisorCheck, startTimers } from './response-timers';

/** Reopening this many times turns a complaint into a special case (R-AS-4, 004 三.9). */
export const SPECIAL_CASE_AFTER_REOPENS = 2;

export interface RecordComplaint {
  complaintId: string;
  canteenId: string;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  cause: string;
  subject: ComplaintSubject;
  description: string;
  request?: string;
  /** When the canteen called / wrote / visited; defaults to the recording time. */
  reportedAt?: Date;
}

export type ComplaintCommand =
  | { type: 'record-contact'; note: string }
  | { type: 'assess'; valid: true; note?: string }
  | { type: 'assess'; valid: false; reason: string }
  | { type: 'assign'; routing: Routing; handlingPlan: string }
  | { type: 'supervisor-check'; note: string }
  | { type: 'investigate'; department: Department; staffId?: string; finding: string }
  | { type: 'propose-resolution'; resolution: string }
  | { type: 'approve'; note?: string }
  | { type: 'notify-customer'; message: string }
  | { type: 'record-customer-answer'; satisfied: boolean; comment?: string }
  | { type: 'add-improvement-note'; note: string }
  | { type: 'mark-for-reward'; reason: string };

/** Facts the service layer acts on (follow-ups after closing, alerts to the lead). */
export type ComplaintEvent =
  | { type: 'closed'; at: Date }
  | { type: 'reopened'; reopenCount: number }
  | { type: 'became-special-case' };

export interface ComplaintTransition {
  complaint: Complaint;
  events: ComplaintEvent[];
}

/** R-AS-1: a complaint as recorded, with its response timers started (R-AS-4). */
export function recordComplaint(input: RecordComplaint, actor: Actor, now: Date): Complaint {
  if (!causeBelongsTo(input.category, input.cause)) {
    throw new DomainError(
      'COMPLAINT.CAUSE_NOT_IN_CATEGORY',
      `cause "${input.cause}" is not a cause of category "${input.category}"`,
      'invalid',
      [{ field: 'cause', reason: `not a cause of ${input.category}` }],
    );
  }
  if (input.reportedAt && input.reportedAt.getTime() > now.getTime()) {
    throw new DomainError(
      'COMPLAINT.REPORTED_IN_FUTURE',
      'reportedAt is in the future',
      'invalid',
      [{ field: 'reportedAt', reason: 'must not be in the future' }],
    );
  }
  return {
    complaintId: input.complaintId,
    canteenId: input.canteenId,
    channel: input.channel,
    category: input.category,
    cause: input.cause,
    subject: input.subject,
    description: input.description,
    ...(input.request !== undefined && { request: input.request }),
    reportedAt: input.reportedAt ?? now,
    recordedAt: now,
    status: 'recorded',
    reopenCount: 0,
    specialCase: false,
    markedForReward: false,
    timers: startTimers(input.category, now),
    steps: [step('recorded', actor, now)],
  };
}

const OPEN: readonly ComplaintStatus[] = [
  'recorded',
  'assessed',
  'assigned',
  'investigated',
  'resolution-proposed',
  'approved',
  'customer-notified',
  'reopened',
];

function requireStatus(
  complaint: Complaint,
  command: ComplaintCommand['type'],
  allowed: readonly ComplaintStatus[],
): void {
  if (!allowed.includes(complaint.status)) {
    throw new DomainError(
      'COMPLAINT.INVALID_STEP',
      `cannot ${command} a complaint that is ${complaint.status}; allowed from: ${allowed.join(', ')}`,
      'conflict',
      [{ field: 'status', reason: `is ${complaint.status}` }],
    );
  }
}

function requireLead(actor: Actor, what: string): void {
  if (actor.role !== 'aftersales-lead') {
    throw new DomainError(
      'COMPLAINT.LEAD_ONLY',
      `only the aftersales-lead may ${what}`,
      'forbidden',
    );
  }
}

function requireStaff(actor: Actor, what: string): void {
  if (actor.role !== 'aftersales' && actor.role !== 'aftersales-lead') {
    throw new DomainError('COMPLAINT.STAFF_ONLY', `only aftersales staff may ${what}`, 'forbidden');
  }
}

function withStep(complaint: Complaint, s: ComplaintStep, changes: Partial<Complaint>): Complaint {
  return { ...complaint, ...changes, steps: [...complaint.steps, s] };
}

/**
 * R-AS-2: applies one step to a complaint. Every accepted step is recorded with its actor and
 * time; a step out of order is refused with the reason and changes nothing.
 */
export function applyComplaintCommand(
  complaint: Complaint,
  command: ComplaintCommand,
  actor: Actor,
  now: Date,
): ComplaintTransition {
  const done = (c: Complaint, events: ComplaintEvent[] = []) => ({ complaint: c, events });
  const t = complaint.timers;
  switch (command.type) {
    case 'record-contact':
      requireStaff(actor, 'record a contact');
      requireStatus(complaint, command.type, OPEN);
      return done(
        withStep(complaint, step('first-contact', actor, now, command.note), {
          timers: meetTimer(t, 'first-contact', now),
        }),
      );

    case 'assess':
      requireStaff(actor, 'assess a complaint');
      requireStatus(complaint, command.type, ['recorded', 'reopened']);
      if (command.valid) {
        return done(
          withStep(complaint, step('assessed-valid', actor, now, command.note), {
            status: 'assessed',
            valid: true,
          }),
        );
      }
      if (!command.reason?.trim()) {
        throw new DomainError(
          'COMPLAINT.INVALID_NEEDS_REASON',
          'an invalid complaint is answered with its reason',
          'invalid',
          [{ field: 'reason', reason: 'required when valid is false' }],
        );
      }
      // The reason is the answer to the canteen; the loop still needs its reply to close.
      return done(
        withStep(complaint, step('assessed-invalid', actor, now, command.reason), {
          status: 'customer-notified',
          valid: false,
          invalidReason: command.reason,
          // Nothing is handled for an invalid complaint: the answer meets every running time.
          timers: meetTimer(
            meetTimer(meetTimer(t, 'first-contact', now), 'handling-plan', now),
            'answer',
            now,
          ),
        }),
      );

    case 'assign':
      requireStaff(actor, 'assign a complaint');
      requireStatus(complaint, command.type, ['assessed']);
      return done(
        withStep(complaint, step('assigned', actor, now, command.handlingPlan), {
          status: 'assigned',
          routing: command.routing,
          handlingPlan: command.handlingPlan,
          timers: startSupervisorCheck(meetTimer(t, 'handling-plan', now), now),
        }),
      );

    case 'supervisor-check':
      requireLead(actor, 'record the supervisor check');
      requireStatus(complaint, command.type, [
        'assigned',
        'investigated',
        'resolution-proposed',
        'approved',
        'customer-notified',
      ]);
      return done(
        withStep(complaint, step('supervisor-checked', actor, now, command.note), {
          timers: meetTimer(t, 'supervisor-check', now),
        }),
      );

    case 'investigate':
      requireStaff(actor, 'record the investigation');
      requireStatus(complaint, command.type, ['assigned']);
      return done(
        withStep(complaint, step('investigated', actor, now, command.finding), {
          status: 'investigated',
          responsible: {
            department: command.department,
            finding: command.finding,
            ...(command.staffId !== undefined && { staffId: command.staffId }),
          },
        }),
      );

    case 'propose-resolution':
      requireStaff(actor, 'propose a resolution');
      requireStatus(complaint, command.type, ['investigated']);
      return done(
        withStep(complaint, step('resolution-proposed', actor, now, command.resolution), {
          status: 'resolution-proposed',
          resolution: command.resolution,
        }),
      );

    case 'approve':
      if (complaint.specialCase) requireLead(actor, 'approve the resolution of a special case');
      else requireStaff(actor, 'approve a resolution');
      requireStatus(complaint, command.type, ['resolution-proposed']);
      return done(
        withStep(complaint, step('approved', actor, now, command.note), { status: 'approved' }),
      );

    case 'notify-customer':
      requireStaff(actor, 'notify the canteen');
      requireStatus(complaint, command.type, ['approved']);
      return done(
        withStep(complaint, step('customer-notified', actor, now, command.message), {
          status: 'customer-notified',
          timers: meetTimer(meetTimer(t, 'first-contact', now), 'answer', now),
        }),
      );

    case 'record-customer-answer':
      return answer(complaint, command, actor, now);

    case 'add-improvement-note':
      requireStaff(actor, 'add an improvement note');
      requireStatus(complaint, command.type, ['closed']);
      return done(
        withStep(complaint, step('improvement-noted', actor, now, command.note), {
          improvementNote: command.note,
        }),
      );

    case 'mark-for-reward':
      requireStaff(actor, 'mark a suggestion for reward');
      if (complaint.category !== 'suggestion') {
        throw new DomainError(
          'COMPLAINT.NOT_A_SUGGESTION',
          'only suggestions are marked for reward (R-AS-5)',
          'unprocessable',
          [{ field: 'category', reason: `is ${complaint.category}` }],
        );
      }
      if (complaint.valid === false || complaint.markedForReward) {
        throw new DomainError(
          'COMPLAINT.REWARD_NOT_ALLOWED',
          complaint.markedForReward
            ? 'already marked for reward'
            : 'an invalid suggestion earns no reward',
          'conflict',
        );
      }
      return done(
        withStep(complaint, step('marked-for-reward', actor, now, command.reason), {
          markedForReward: true,
        }),
      );
  }
}

function answer(
  complaint: Complaint,
  command: Extract<ComplaintCommand, { type: 'record-customer-answer' }>,
  actor: Actor,
  now: Date,
): ComplaintTransition {
  // The canteen answers itself, or an agent records what it said on the phone; that it is the
  // canteen's own complaint is checked by the service's scoping.
  if (actor.role !== 'canteen') requireStaff(actor, "record the canteen's answer");
  requireStatus(complaint, command.type, ['customer-notified']);
  const customerAnswer = {
    satisfied: command.satisfied,
    at: now,
    ...(command.comment !== undefined && { comment: command.comment }),
  };
  if (command.satisfied) {
    if (complaint.specialCase && actor.role !== 'canteen') {
      requireLead(actor, 'close a special case');
    }
    return {
      complaint: withStep(complaint, step('customer-satisfied', actor, now, command.comment), {
        status: 'closed',
        customerAnswer,
        closedAt: now,
      }),
      events: [{ type: 'closed', at: now }],
    };
  }
  const reopenCount = complaint.reopenCount + 1;
  const becomesSpecial = !complaint.specialCase && reopenCount >= SPECIAL_CASE_AFTER_REOPENS;
  const restarted = startTimers(complaint.category, now);
  const events: ComplaintEvent[] = [{ type: 'reopened', reopenCount }];
  if (becomesSpecial) events.push({ type: 'became-special-case' });
  return {
    complaint: withStep(complaint, step('customer-not-satisfied', actor, now, command.comment), {
      status: 'reopened',
      customerAnswer,
      reopenCount,
      specialCase: complaint.specialCase || becomesSpecial,
      // A fresh round of handling: the response times run again from the reopening.
      timers: restarted,
    }),
    events,
  };
}
