import { call, enc } from './http';

export interface ComplaintStep {
  step: string;
  actorId: string;
  actorRole: string;
  at: string;
  note?: string;
}
export interface Timer {
  dueAt?: string;
  metAt?: string;
  escalatedAt?: string;
}
export interface Complaint {
  id: string;
  canteenId: string;
  channel: string;
  category: 'quality' | 'service' | 'suggestion';
  cause: string;
  status: string;
  description: string;
  request?: string;
  recordedAt: string;
  valid?: boolean;
  invalidReason?: string;
  responsible?: { department: string; staffId?: string; finding: string };
  reopenCount: number;
  specialCase: boolean;
  timers: Record<string, Timer>;
  steps: ComplaintStep[];
  [k: string]: unknown;
}
export interface Penalty {
  id: string;
  staffId: string;
  borneByLead: boolean;
  source: { kind: string; id: string };
  reason: string;
  severity?: string;
  baseAmount: string;
  amount: string;
  amountInForce: string;
  flaggedForDismissal: boolean;
  entries: {
    entryId: string;
    kind: string;
    amount: string;
    postedAt: string;
    postedBy: string;
    reason: string;
  }[];
  status: string;
  doubled: boolean;
  decidedBy?: string;
  decidedAt?: string;
  proposedAt?: string;
  proposedBy?: string;
  [k: string]: unknown;
}
export interface DueList {
  date: string;
  followUps: { id: string; canteenId: string; kind: string; state: 'due' | 'overdue' }[];
  complaints: {
    id: string;
    canteenId: string;
    status: string;
    breached: string[];
    dueToday: string[];
    specialCase: boolean;
  }[];
  openPoints: {
    followUpId: string;
    pointId: string;
    canteenId: string;
    text: string;
    next: string;
    dueAt?: string;
    late: boolean;
  }[];
}
export interface FollowUp {
  id: string;
  canteenId: string;
  kind: string;
  status: 'due' | 'done';
  dueFrom: string;
  dueBy: string;
  score?: Record<string, unknown>;
  [k: string]: unknown;
}
export interface Remedy {
  id: string;
  canteenId: string;
  originalOrderId: string;
  type: string;
  status: string;
  needBy?: string;
  replacementOrderId?: string;
  lines: { lineId?: string; itemId?: string; quantity?: number; [k: string]: unknown }[];
  [k: string]: unknown;
}
export interface VisitPlan {
  id: string;
  canteenId: string;
  quarter: string;
  months: Record<string, { planned: number; done: number }>;
  visits: object[];
}
export type Severity = 'minor' | 'moderate' | 'serious' | 'severe';
export const SURVEY_ITEMS = ['attitude', 'skill', 'arrival-time', 'keeping-promises'] as const;
export const SURVEY_LEVELS = [
  'very-satisfied',
  'satisfied',
  'dissatisfied',
  'very-dissatisfied',
] as const;

const A = 'aftersales' as const;
const step = (id: string, name: string, body: object = {}) =>
  call<Complaint>(A, 'POST', `/complaints/${enc(id)}/${name}`, { body });

/** R-AS-4: an escalation pushed to the aftersales-lead, with its webhook delivery. */
export interface EscalationNotice {
  id: string;
  kind: 'response-time-missed' | 'special-case';
  recipient: string;
  complaintId: string;
  canteenId: string;
  timer?: string;
  escalatedAt: string;
  message: string;
  status: string;
  attempts: number;
  lastError?: string;
  sentAt?: string;
}

export const aftersalesApi = {
  dueList: () => call<DueList>(A, 'GET', '/due-list'),
  escalationNotices: () => call<EscalationNotice[]>(A, 'GET', '/escalation-notices'),
  complaints: (query: { status?: string; canteenId?: string } = {}) =>
    call<Complaint[]>(A, 'GET', '/complaints', { query }),
  complaint: (id: string) => call<Complaint>(A, 'GET', `/complaints/${enc(id)}`),
  record: (body: Record<string, unknown>) => call<Complaint>(A, 'POST', '/complaints', { body }),
  step,
  proposePenalty: (
    id: string,
    body: { severity: Severity; badImpact: boolean; staffId?: string },
  ) => call<Penalty>(A, 'POST', `/complaints/${enc(id)}/penalties`, { body }),
  penalties: (query: { staffId?: string; status?: string } = {}) =>
    call<Penalty[]>(A, 'GET', '/penalties', { query }),
  approvePenalty: (id: string, note?: string) =>
    call<Penalty>(A, 'POST', `/penalties/${enc(id)}/approval`, { body: note ? { note } : {} }),
  rejectPenalty: (id: string, reason: string) =>
    call<Penalty>(A, 'POST', `/penalties/${enc(id)}/rejection`, { body: { reason } }),
  appealPenalty: (id: string, reason: string) =>
    call<Penalty>(A, 'POST', `/penalties/${enc(id)}/appeal`, { body: { reason } }),
  decideAppeal: (id: string, outcome: 'upheld' | 'granted', correctedAmount?: string) =>
    call<Penalty>(A, 'POST', `/penalties/${enc(id)}/appeal-decision`, {
      body: { outcome, ...(correctedAmount ? { correctedAmount } : {}) },
    }),
  correctPenalty: (id: string, correctedAmount: string, reason: string) =>
    call<Penalty>(A, 'POST', `/penalties/${enc(id)}/correction`, {
      body: { correctedAmount, reason },
    }),
  remedies: () => call<Remedy[]>(A, 'GET', '/remedies'),
  approveRemedy: (id: string) => call<Remedy>(A, 'POST', `/remedies/${enc(id)}/approval`),
  followUps: (query: { status?: string } = {}) =>
    call<FollowUp[]>(A, 'GET', '/follow-ups', { query }),
  completeFollowUp: (id: string, body: { notes: string; survey?: Record<string, string> }) =>
    call<FollowUp>(A, 'POST', `/follow-ups/${enc(id)}/completion`, { body }),
  visitPlans: (quarter?: string) =>
    call<VisitPlan[]>(A, 'GET', '/visit-plans', { query: { quarter } }),
  createVisitPlans: (quarter: string) =>
    call<VisitPlan[]>(A, 'POST', '/visit-plans', { body: { quarter } }),
};
