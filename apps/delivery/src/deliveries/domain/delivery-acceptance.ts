/**
 * R-DEL-3: what the canteen's receiver counted and signed. Every line of the delivery is
 * counted exactly once; accepted + rejected is the line's quantity (a shortfall is a rejected
 * quantity with reason `short`), and a rejection always names its reason, since aftersales
 * turns it into a return or exchange (R-DEL-4).
 */
import { MINUTE_MS } from '@app/common/clock/clock';
import { DomainError, type FieldProblem } from '@app/common/errors/domain-error';
import type { RejectionReason } from '@app/common/messaging/contracts';
import type { DeliveryLine, LineAcceptance, ProofOfDelivery } from './delivery';

/** Devices' clocks drift; a proof time this far ahead of the server is still believed. */
export const PROOF_CLOCK_SKEW_MS = 5 * MINUTE_MS;

/** Temperatures outside this range are typing mistakes, not readings. */
const PLAUSIBLE_CELSIUS = { min: -60, max: 120 };

export interface AcceptanceInput {
  lineId: string;
  acceptedQuantity: number;
  rejectedQuantity: number;
  rejectionReason?: string;
}

export interface ProofInput {
  receiverName?: string;
  receivedAt?: Date;
  signatureRef?: string;
  photoRef?: string;
  temperatureCelsius?: number;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/**
 * What each reason means for aftersales. Keyed by the contract's type, so a reason added to
 * the contract does not compile until it is described here (and the contracts stay type-only
 * imports: no decorator runtime in the domain).
 */
export const REJECTION_REASON_MEANING: Record<RejectionReason, string> = {
  short: 'fewer delivered than on the delivery note',
  damaged: 'packaging or goods damaged',
  spoiled: 'spoiled or past its use-by',
  'wrong-spec': 'not the specification ordered',
  temperature: 'cold or hot chain broken',
};
const REJECTION_REASONS = Object.keys(REJECTION_REASON_MEANING);

function isRejectionReason(value: string): value is RejectionReason {
  return REJECTION_REASONS.includes(value);
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

export function validateAcceptance(
  lines: readonly DeliveryLine[],
  input: readonly AcceptanceInput[],
): LineAcceptance[] {
  const problems: FieldProblem[] = [];
  const known = new Map(lines.map((l) => [l.lineId, l]));
  const seen = new Set<string>();
  const result: LineAcceptance[] = [];

  input.forEach((entry, i) => {
    const field = `lines[${i}]`;
    const line = known.get(entry.lineId);
    if (!line) {
      problems.push({
        field: `${field}.lineId`,
        reason: `no line ${entry.lineId} on this delivery`,
      });
      return;
    }
    if (seen.has(entry.lineId)) {
      problems.push({ field: `${field}.lineId`, reason: `line ${entry.lineId} counted twice` });
      return;
    }
    seen.add(entry.lineId);
    if (!isCount(entry.acceptedQuantity) || !isCount(entry.rejectedQuantity)) {
      problems.push({ field, reason: 'quantities must be non-negative integers' });
      return;
    }
    if (entry.acceptedQuantity + entry.rejectedQuantity !== line.quantity) {
      problems.push({
        field,
        reason: `accepted + rejected must equal the delivered ${line.quantity} ${line.unit}`,
      });
      return;
    }
    if (entry.rejectedQuantity > 0) {
      if (entry.rejectionReason === undefined || !isRejectionReason(entry.rejectionReason)) {
        problems.push({
          field: `${field}.rejectionReason`,
          reason: `a rejected quantity needs a reason: ${REJECTION_REASONS.join(', ')}`,
        });
        return;
      }
      result.push({ ...pick(entry), rejectionReason: entry.rejectionReason });
      return;
    }
    if (entry.rejectionReason !== undefined) {
      problems.push({
        field: `${field}.rejectionReason`,
        reason: 'a reason is given but nothing is rejected',
      });
      return;
    }
    result.push(pick(entry));
  });

  lines
    .filter((l) => !input.some((e) => e.lineId === l.lineId))
    .forEach((l) => problems.push({ field: 'lines', reason: `line ${l.lineId} was not counted` }));

  if (problems.length > 0) {
    throw new DomainError(
      'DELIVERY.ACCEPTANCE_INVALID',
      'every line must be counted once: accepted + rejected = delivered, with a reason for a rejection',
      'invalid',
      problems,
    );
  }
  return result;
}

function pick(entry: AcceptanceInput): LineAcceptance {
  return {
    lineId: entry.lineId,
    acceptedQuantity: entry.acceptedQuantity,
    rejectedQuantity: entry.rejectedQuantity,
  };
}

/** No delivery without proof: who received it, when, and a signature or a photo. */
export function validateProof(
  input: ProofInput | undefined,
  bounds: { notBefore: Date; now: Date },
): ProofOfDelivery {
  const problems: FieldProblem[] = [];
  if (!input) {
    throw new DomainError(
      'DELIVERY.PROOF_REQUIRED',
      'a delivery needs a proof of delivery',
      'invalid',
      [{ field: 'proof', reason: 'required' }],
    );
  }
  if (blank(input.receiverName)) {
    problems.push({ field: 'proof.receiverName', reason: "the receiver's name is required" });
  }
  if (!input.receivedAt || Number.isNaN(input.receivedAt.getTime())) {
    problems.push({ field: 'proof.receivedAt', reason: 'the time of receipt is required' });
  } else if (input.receivedAt.getTime() > bounds.now.getTime() + PROOF_CLOCK_SKEW_MS) {
    problems.push({ field: 'proof.receivedAt', reason: 'lies in the future' });
  } else if (input.receivedAt.getTime() < bounds.notBefore.getTime()) {
    problems.push({ field: 'proof.receivedAt', reason: 'lies before the goods were picked up' });
  }
  if (blank(input.signatureRef) && blank(input.photoRef)) {
    problems.push({ field: 'proof', reason: 'a signature or a photo reference is required' });
  }
  if (
    input.temperatureCelsius !== undefined &&
    (!Number.isFinite(input.temperatureCelsius) ||
      input.temperatureCelsius < PLAUSIBLE_CELSIUS.min ||
      input.temperatureCelsius > PLAUSIBLE_CELSIUS.max)
  ) {
    problems.push({ field: 'proof.temperatureCelsius', reason: 'not a plausible reading' });
  }
  if (problems.length > 0 || !input.receiverName || !input.receivedAt) {
    throw new DomainError(
      'DELIVERY.PROOF_REQUIRED',
      'a delivery needs a complete proof of delivery',
      'invalid',
      problems,
    );
  }
  const signatureRef = input.signatureRef?.trim();
  const photoRef = input.photoRef?.trim();
  return {
    receiverName: input.receiverName.trim(),
    receivedAt: input.receivedAt,
    ...(signatureRef ? { signatureRef } : {}),
    ...(photoRef ? { photoRef } : {}),
    ...(input.temperatureCelsius === undefined
      ? {}
      : { temperatureCelsius: input.temperatureCelsius }),
  };
}
