import type { Role } from './roles';

/** The fields a complaint step asks for; `kind` picks the input. */
export interface StepField {
  name: string;
  kind: 'text' | 'textarea' | 'boolean' | 'department' | 'severity';
  required?: boolean;
}

export interface ComplaintStep {
  /** The endpoint: POST /complaints/:id/<action>. */
  action: string;
  fields: StepField[];
  leadOnly?: boolean;
}

const DEPARTMENT: StepField = { name: 'department', kind: 'department' };
const S = {
  contact: { action: 'contact', fields: [{ name: 'note', kind: 'textarea', required: true }] },
  assessment: {
    action: 'assessment',
    fields: [
      { name: 'valid', kind: 'boolean' },
      { name: 'reason', kind: 'textarea' },
    ],
  },
  assignment: {
    action: 'assignment',
    fields: [
      { name: 'handlingPlan', kind: 'textarea', required: true },
      DEPARTMENT,
      { name: 'responsibleStaffId', kind: 'text' },
    ],
  },
  supervisorCheck: {
    action: 'supervisor-check',
    fields: [{ name: 'note', kind: 'textarea', required: true }],
    leadOnly: true,
  },
  investigation: {
    action: 'investigation',
    fields: [
      { ...DEPARTMENT, required: true },
      { name: 'staffId', kind: 'text' },
      { name: 'finding', kind: 'textarea', required: true },
    ],
  },
  resolution: {
    action: 'resolution',
    fields: [{ name: 'resolution', kind: 'textarea', required: true }],
  },
  approval: { action: 'approval', fields: [{ name: 'note', kind: 'textarea' }] },
  notification: {
    action: 'customer-notification',
    fields: [{ name: 'message', kind: 'textarea', required: true }],
  },
  answer: {
    action: 'customer-answer',
    fields: [
      { name: 'satisfied', kind: 'boolean' },
      { name: 'comment', kind: 'textarea' },
    ],
  },
  penalty: {
    action: 'penalties',
    fields: [
      { name: 'severity', kind: 'severity', required: true },
      { name: 'badImpact', kind: 'boolean' },
      { name: 'staffId', kind: 'text' },
    ],
  },
  improvement: {
    action: 'improvement-note',
    fields: [{ name: 'note', kind: 'textarea', required: true }],
  },
  reward: { action: 'reward', fields: [{ name: 'reason', kind: 'textarea', required: true }] },
} satisfies Record<string, ComplaintStep>;

const BY_STATUS: Record<string, ComplaintStep[]> = {
  recorded: [S.assessment, S.contact],
  assessed: [S.assignment, S.contact],
  assigned: [S.investigation, S.supervisorCheck, S.contact],
  investigated: [S.resolution, S.penalty],
  'resolution-proposed': [S.approval, S.penalty],
  approved: [S.notification, S.penalty],
  'customer-notified': [S.answer, S.penalty],
  reopened: [S.investigation, S.resolution],
  closed: [S.penalty, S.improvement, S.reward],
};

/**
 * R-AS-2: the steps a complaint in `status` can take next, the main one first, for an aftersales
 * agent or the lead (supervisor checks are the lead's). The service still refuses what is out of turn.
 */
export function nextSteps(status: string, role: Role): ComplaintStep[] {
  if (role !== 'aftersales' && role !== 'aftersales-lead') return [];
  return (BY_STATUS[status] ?? []).filter((s) => !s.leadOnly || role === 'aftersales-lead');
}

/** The request body of a step from the form's values: empty optional fields are left out. */
export function stepBody(
  step: ComplaintStep,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of step.fields) {
    const v = values[f.name];
    if (f.kind === 'boolean') body[f.name] = v === true;
    else if (typeof v === 'string' && v.trim()) body[f.name] = v.trim();
  }
  return body;
}
