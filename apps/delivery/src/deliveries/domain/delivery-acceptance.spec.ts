import { MINUTE_MS } from '@app/common/clock/clock';
import { DomainError } from '@app/common/errors/domain-error';
import { CONFIRMED_AT, aDeliveryLine, aProof, at } from '../../testing/delivery-factories';
import {
  validateAcceptance,
  validateProof,
  type AcceptanceInput,
  type ProofInput,
} from './delivery-acceptance';

const lines = [aDeliveryLine(), aDeliveryLine({ lineId: 'line-2', quantity: 40, unit: 'portion' })];
const bounds = { notBefore: CONFIRMED_AT, now: at(CONFIRMED_AT, 60 * MINUTE_MS) };

function problemsOf(fn: () => unknown): { code: string; fields: string[] } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, fields: e.fields.map((f) => f.field) };
    throw e;
  }
  throw new TypeError('expected a DomainError');
}

function count(overrides: Partial<AcceptanceInput>[]): AcceptanceInput[] {
  return [
    { lineId: 'line-1', acceptedQuantity: 10_000, rejectedQuantity: 0, ...overrides[0] },
    { lineId: 'line-2', acceptedQuantity: 40, rejectedQuantity: 0, ...overrides[1] },
  ];
}

describe('per-line acceptance', () => {
  it('R-DEL-3: accepts a full count with a rejection and its reason', () => {
    expect(
      validateAcceptance(
        lines,
        count([{ acceptedQuantity: 8_000, rejectedQuantity: 2_000, rejectionReason: 'spoiled' }]),
      ),
    ).toEqual([
      {
        lineId: 'line-1',
        acceptedQuantity: 8_000,
        rejectedQuantity: 2_000,
        rejectionReason: 'spoiled',
      },
      { lineId: 'line-2', acceptedQuantity: 40, rejectedQuantity: 0 },
    ]);
  });

  it('R-DEL-3: accepted + rejected must equal the delivered quantity', () => {
    expect(
      problemsOf(() => validateAcceptance(lines, count([{ acceptedQuantity: 9_000 }]))),
    ).toEqual({
      code: 'DELIVERY.ACCEPTANCE_INVALID',
      fields: ['lines[0]'],
    });
  });

  it('R-DEL-3: a rejected quantity needs a known reason', () => {
    const missing = count([{ acceptedQuantity: 9_000, rejectedQuantity: 1_000 }]);
    const unknown = count([
      { acceptedQuantity: 9_000, rejectedQuantity: 1_000, rejectionReason: 'ugly' },
    ]);
    expect(problemsOf(() => validateAcceptance(lines, missing)).fields).toEqual([
      'lines[0].rejectionReason',
    ]);
    expect(problemsOf(() => validateAcceptance(lines, unknown)).fields).toEqual([
      'lines[0].rejectionReason',
    ]);
  });

  it('R-DEL-3: temperature is a rejection reason', () => {
    const result = validateAcceptance(
      lines,
      count([{}, { acceptedQuantity: 0, rejectedQuantity: 40, rejectionReason: 'temperature' }]),
    );
    expect(result[1]).toMatchObject({ rejectedQuantity: 40, rejectionReason: 'temperature' });
  });

  it('refuses a reason when nothing is rejected', () => {
    expect(
      problemsOf(() => validateAcceptance(lines, count([{ rejectionReason: 'short' }]))).fields,
    ).toEqual(['lines[0].rejectionReason']);
  });

  it('R-DEL-3: every line is counted exactly once, and only lines of the delivery', () => {
    const [first] = count([]);
    expect(problemsOf(() => validateAcceptance(lines, [first])).fields).toEqual(['lines']);
    expect(problemsOf(() => validateAcceptance(lines, [...count([]), first])).fields).toEqual([
      'lines[2].lineId',
    ]);
    expect(
      problemsOf(() => validateAcceptance(lines, [...count([]), { ...first, lineId: 'line-x' }]))
        .fields,
    ).toEqual(['lines[2].lineId']);
  });

  it('refuses negative or fractional quantities', () => {
    expect(
      problemsOf(() =>
        validateAcceptance(lines, count([{ acceptedQuantity: 10_001, rejectedQuantity: -1 }])),
      ).fields,
    ).toEqual(['lines[0]']);
    expect(
      problemsOf(() =>
        validateAcceptance(
          lines,
          count([{}, { acceptedQuantity: 39.5, rejectedQuantity: 0.5, rejectionReason: 'short' }]),
        ),
      ).fields,
    ).toEqual(['lines[1]']);
  });
});

describe('proof of delivery', () => {
  const proofAt = at(CONFIRMED_AT, 30 * MINUTE_MS);

  it('R-DEL-3: a receiver name, time and signature make a proof', () => {
    expect(validateProof(aProof({ receivedAt: proofAt }), bounds)).toEqual({
      receiverName: 'Wang Fang',
      receivedAt: proofAt,
      signatureRef: 'sig-001',
    });
  });

  it('R-DEL-3: a photo reference may replace the signature', () => {
    const proof = validateProof(
      aProof({ receivedAt: proofAt, signatureRef: undefined, photoRef: 'photo-7' }),
      bounds,
    );
    expect(proof).toMatchObject({ photoRef: 'photo-7' });
    expect(proof.signatureRef).toBeUndefined();
  });

  it('R-DEL-3: no delivery without proof', () => {
    expect(problemsOf(() => validateProof(undefined, bounds))).toEqual({
      code: 'DELIVERY.PROOF_REQUIRED',
      fields: ['proof'],
    });
  });

  it.each<[string, Partial<ProofInput>, string]>([
    ['no receiver', { receiverName: '  ' }, 'proof.receiverName'],
    ['no time', { receivedAt: undefined }, 'proof.receivedAt'],
    ['a time in the future', { receivedAt: at(bounds.now, 6 * MINUTE_MS) }, 'proof.receivedAt'],
    ['a time before pickup', { receivedAt: at(CONFIRMED_AT, -MINUTE_MS) }, 'proof.receivedAt'],
    ['neither signature nor photo', { signatureRef: '', photoRef: undefined }, 'proof'],
    ['an absurd temperature', { temperatureCelsius: 400 }, 'proof.temperatureCelsius'],
  ])('R-DEL-3: refuses a proof with %s', (_name, overrides, field) => {
    expect(
      problemsOf(() => validateProof(aProof({ receivedAt: proofAt, ...overrides }), bounds)).fields,
    ).toEqual([field]);
  });
});
