import { DomainError } from '@app/common/errors/domain-error';
import type { ExchangeApproved, ReturnApproved } from '@app/common/messaging/contracts';
import type { Actor } from '../../shared/actor';
import { defaultRemedyFor } from './remedy-choice';
import type { Remedy, RemedyLine, RemedyStatus, RemedyType } from './remedy';

export interface OpenRemedy {
  remedyId: string;
  canteenId: string;
  originalOrderId: string;
  source: Remedy['source'];
  lines: RemedyLine[];
  /** Named by the canteen (or the agent for it); otherwise the default rule applies. */
  type?: RemedyType;
  needBy?: Date;
  /** True when the goods failed quality — all rejections at the door and quality complaints. */
  qualityFailed: boolean;
  /** When the goods were rejected; the default need-by counts from it. */
  rejectedAt?: Date;
}

export type RemedyCommand =
  | { type: 'choose'; remedy: RemedyType; needBy?: Date }
  | { type: 'approve' }
  | { type: 'link-replacement'; orderId: string }
  | { type: 'record-inspection'; inspection: Remedy['inspection'] & object }
  | { type: 'charge-cause'; department: string; staffId?: string; note: string };

export type RemedyEvent =
  | { type: 'aftersales.exchange.approved'; payload: ExchangeApproved }
  | { type: 'aftersales.return.approved'; payload: ReturnApproved };

function refuse(
  code: string,
  message: string,
  kind: 'conflict' | 'invalid' | 'forbidden' = 'conflict',
  field?: string,
): never {
  throw new DomainError(`REMEDY.${code}`, message, kind, field ? [{ field, reason: message }] : []);
}

function requireStatus(remedy: Remedy, what: string, allowed: RemedyStatus[]): void {
  if (!allowed.includes(remedy.status))
    refuse('INVALID_STEP', `cannot ${what} a ${remedy.type} that is ${remedy.status}`);
}

function requireAftersales(actor: Actor, what: string): void {
  if (actor.role !== 'aftersales' && actor.role !== 'aftersales-lead') {
    refuse('STAFF_ONLY', `only aftersales staff may ${what}`, 'forbidden');
  }
}

function checkChoice(
  lines: RemedyLine[],
  type: RemedyType,
  needBy: Date | undefined,
  now: Date,
): void {
  if (type === 'return' && lines.some((l) => l.reason === 'short')) {
    refuse(
      'NOTHING_TO_RETURN',
      'a short line can only be exchanged: nothing arrived to send back',
      'invalid',
      'remedy',
    );
  }
  if (needBy && needBy.getTime() <= now.getTime())
    refuse('NEED_BY_PASSED', 'needBy must be in the future', 'invalid', 'needBy');
}

/** R-DEL-4 / R-AS-6: opens a return or exchange, with the default rule filling what was not chosen. */
export function openRemedy(input: OpenRemedy, now: Date): Remedy {
  if (
    input.lines.length === 0 ||
    input.lines.some((l) => !Number.isInteger(l.quantity) || l.quantity < 1)
  ) {
    refuse(
      'NO_GOODS',
      'a return or exchange needs at least one line with a quantity of 1 or more',
      'invalid',
      'lines',
    );
  }
  const defaults = input.lines.map((l) => defaultRemedyFor(l, input.rejectedAt ?? now));
  const type = input.type ?? 'exchange';
  checkChoice(input.lines, type, input.needBy, now);
  // The soonest default wins: a mixed complaint is replaced as fast as its most urgent line.
  const defaultNeedBy = new Date(Math.min(...defaults.map((d) => d.needBy.getTime())));
  return {
    remedyId: input.remedyId,
    canteenId: input.canteenId,
    originalOrderId: input.originalOrderId,
    source: input.source,
    lines: input.lines,
    type,
    chosenBy: input.type ? 'aftersales' : 'rule',
    ...(type === 'exchange' && { needBy: input.needBy ?? defaultNeedBy }),
    atCompanyCost: input.qualityFailed,
    openedAt: now,
    status: 'open',
  };
}

function approvedEvent(remedy: Remedy, now: Date): RemedyEvent {
  const lines = remedy.lines.map((l) => ({
    lineId: l.lineId,
    quantity: l.quantity,
    ...(l.kind === 'ingredient' && { sku: l.itemId }),
  }));
  if (remedy.type === 'exchange') {
    return {
      type: 'aftersales.exchange.approved',
      payload: {
        exchangeId: remedy.remedyId,
        canteenId: remedy.canteenId,
        originalOrderId: remedy.originalOrderId,
        needBy: remedy.needBy!.toISOString(),
        lines,
      },
    };
  }
  return {
    type: 'aftersales.return.approved',
    payload: {
      returnId: remedy.remedyId,
      canteenId: remedy.canteenId,
      originalOrderId: remedy.originalOrderId,
      approvedAt: now.toISOString(),
      lines,
    },
  };
}

/**
 * R-AS-6/7: the canteen may choose return or exchange (and when) until an aftersales agent
 * approves at the company's cost; approval emits the event orders and procurement act on.
 */
export function applyRemedyCommand(
  remedy: Remedy,
  command: RemedyCommand,
  actor: Actor,
  now: Date,
): { remedy: Remedy; events: RemedyEvent[] } {
  switch (command.type) {
    case 'choose': {
      requireStatus(remedy, 'change', ['open']);
      checkChoice(remedy.lines, command.remedy, command.needBy, now);
      const chosenBy = actor.role === 'canteen' ? 'canteen' : 'aftersales';
      const { needBy: previous, ...rest } = remedy;
      const needBy =
        command.remedy === 'exchange'
          ? (command.needBy ?? previous ?? defaultNeedBy(remedy, now))
          : undefined;
      return {
        remedy: { ...rest, type: command.remedy, chosenBy, ...(needBy && { needBy }) },
        events: [],
      };
    }
    case 'approve': {
      requireAftersales(actor, 'approve a return or exchange');
      requireStatus(remedy, 'approve', ['open']);
      if (remedy.type === 'exchange' && remedy.needBy!.getTime() <= now.getTime()) {
        refuse(
          'NEED_BY_PASSED',
          'the replacement need-by time has passed; set a new one first',
          'conflict',
          'needBy',
        );
      }
      const approved: Remedy = {
        ...remedy,
        status: 'approved',
        approvedBy: actor.id,
        approvedAt: now,
      };
      return { remedy: approved, events: [approvedEvent(approved, now)] };
    }
    case 'link-replacement':
      if (remedy.type !== 'exchange')
        refuse('NOT_AN_EXCHANGE', 'only an exchange has a replacement order');
      if (remedy.replacementOrderId === command.orderId) return { remedy, events: [] };
      requireStatus(remedy, 'link a replacement to', ['approved']);
      return {
        remedy: { ...remedy, status: 'replacement-ordered', replacementOrderId: command.orderId },
        events: [],
      };

    case 'record-inspection':
      if (remedy.type !== 'return') refuse('NOT_A_RETURN', 'only returned goods are inspected');
      requireStatus(remedy, 'record the inspection of', ['approved']);
      return {
        remedy: { ...remedy, status: 'inspected', inspection: command.inspection },
        events: [],
      };

    case 'charge-cause':
      requireAftersales(actor, 'charge the cause');
      requireStatus(remedy, 'charge the cause of', ['inspected']);
      return {
        remedy: {
          ...remedy,
          status: 'charged',
          charge: {
            department: command.department,
            ...(command.staffId !== undefined && { staffId: command.staffId }),
            note: command.note,
            chargedBy: actor.id,
            chargedAt: now,
          },
        },
        events: [],
      };
  }
}

function defaultNeedBy(remedy: Remedy, now: Date): Date {
  return new Date(Math.min(...remedy.lines.map((l) => defaultRemedyFor(l, now).needBy.getTime())));
}
