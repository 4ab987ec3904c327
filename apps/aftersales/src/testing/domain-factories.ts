/** Small factories for unit specs of the aftersales domain. */
import type { Actor } from '../shared/actor';
import type { Penalty } from '../penalties/domain/penalty';
import type { ScaledPenaltyInput } from '../penalties/domain/penalty-calculator';
import { proposeScaledPenalty } from '../penalties/domain/penalty-proposal';
import { DEFAULT_PENALTY_SCALE } from '../penalties/domain/penalty-scale';
import type { Complaint } from '../complaints/domain/complaint';
import {
  applyComplaintCommand,
  recordComplaint,
  type RecordComplaint,
} from '../complaints/domain/complaint-state-machine';

export const T0 = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 Asia/Shanghai

export const anAgent = (id = 'agent-1'): Actor => ({ id, role: 'aftersales' });
export const aLead = (id = 'lead-1'): Actor => ({ id, role: 'aftersales-lead' });
export const aCanteenUser = (id = 'canteen-user-1'): Actor => ({ id, role: 'canteen' });

export const at = (minutesAfterT0: number): Date =>
  new Date(T0.getTime() + minutesAfterT0 * 60_000);

export function aComplaintInput(overrides: Partial<RecordComplaint> = {}): RecordComplaint {
  return {
    complaintId: 'cmp-1',
    canteenId: 'canteen-1',
    channel: 'call',
    category: 'quality',
    cause: 'food-quality',
    subject: { orderId: 'order-1', deliveryId: 'delivery-1' },
    description: 'the braised pork was sour',
    request: 'exchange today',
    ...overrides,
  };
}

export function aComplaint(overrides: Partial<RecordComplaint> = {}, now = T0): Complaint {
  return recordComplaint(aComplaintInput(overrides), anAgent(), now);
}

/** A complaint walked through the R-AS-2 steps up to "customer notified". */
export function aNotifiedComplaint(overrides: Partial<RecordComplaint> = {}): Complaint {
  let c = aComplaint(overrides);
  const steps = [
    { type: 'assess', valid: true },
    {
      type: 'assign',
      routing: { department: 'kitchen', responsibleStaffId: 'chef-lead' },
      handlingPlan: 'replace the dish, check the batch',
    },
    {
      type: 'investigate',
      department: 'kitchen',
      staffId: 'cook-7',
      finding: 'batch held too long',
    },
    { type: 'propose-resolution', resolution: 'free replacement and retraining' },
    { type: 'approve' },
    { type: 'notify-customer', message: 'replacement on its way' },
  ] as const;
  steps.forEach((command, i) => {
    c = applyComplaintCommand(c, command, anAgent(), at(10 + i)).complaint;
  });
  return c;
}

export function aScaledPenaltyInput(
  overrides: Partial<ScaledPenaltyInput> = {},
): ScaledPenaltyInput {
  return {
    severity: 'moderate',
    badImpact: false,
    canteenId: 'canteen-1',
    category: 'service',
    cause: 'staff-attitude',
    responsibleStaffId: 'driver-3',
    aftersalesLeadId: 'lead-1',
    occurredAt: T0,
    priorPenalties: [],
    ...overrides,
  };
}

export function aProposedPenalty(
  overrides: Partial<ScaledPenaltyInput> = {},
  penaltyId = 'pen-1',
): Penalty {
  return proposeScaledPenalty(
    { penaltyId, source: { kind: 'complaint', id: 'cmp-1' }, reason: 'rude to the receiver' },
    aScaledPenaltyInput(overrides),
    DEFAULT_PENALTY_SCALE,
    anAgent(),
    T0,
  );
}
