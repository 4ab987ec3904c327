import { DAY_MS } from '@app/common/clock/clock';
import { aScaledPenaltyInput, T0 } from '../../testing/domain-factories';
import { calculatePenalty, FIXED_FINES, type PriorPenalty } from './penalty-calculator';
import { DEFAULT_PENALTY_SCALE, validatePenaltyScale } from './penalty-scale';

const calc = (overrides: Parameters<typeof aScaledPenaltyInput>[0] = {}) =>
  calculatePenalty(aScaledPenaltyInput(overrides), DEFAULT_PENALTY_SCALE);

function aPrior(overrides: Partial<PriorPenalty> = {}): PriorPenalty {
  return {
    penaltyId: 'pen-0',
    problem: {
      canteenId: 'canteen-1',
      category: 'service',
      cause: 'staff-attitude',
      staffId: 'driver-3',
    },
    occurredAt: new Date(T0.getTime() - 10 * DAY_MS),
    counts: true,
    ...overrides,
  };
}

describe('penalty calculator', () => {
  it('R-AS-8: the default scale is minor 10, moderate 30, serious 60, severe 100 元', () => {
    expect(calc({ severity: 'minor' }).amountFen).toBe(1_000);
    expect(calc({ severity: 'moderate' }).amountFen).toBe(3_000);
    expect(calc({ severity: 'serious' }).amountFen).toBe(6_000);
    expect(calc({ severity: 'severe' }).amountFen).toBe(10_000);
  });

  it('R-AS-8: a configured scale is used when it stays within 10–100 元', () => {
    const scale = validatePenaltyScale({
      minor: 1_500,
      moderate: 4_000,
      serious: 8_000,
      severe: 10_000,
    });
    expect(calculatePenalty(aScaledPenaltyInput({ severity: 'minor' }), scale).amountFen).toBe(
      1_500,
    );
  });

  it('R-AS-8: a scale outside 10–100 元 or shrinking with severity is refused naming the step', () => {
    expect(() => validatePenaltyScale({ ...DEFAULT_PENALTY_SCALE, severe: 12_000 })).toThrow(
      expect.objectContaining({
        code: 'PENALTY.SCALE_OUT_OF_RANGE',
        fields: [{ field: 'severe', reason: 'must be between 10.00 and 100.00 元' }],
      }),
    );
    expect(() => validatePenaltyScale({ ...DEFAULT_PENALTY_SCALE, minor: 500 })).toThrow(
      /not valid/,
    );
    expect(() => validatePenaltyScale({ ...DEFAULT_PENALTY_SCALE, serious: 2_000 })).toThrow(
      expect.objectContaining({
        fields: [{ field: 'serious', reason: 'must not be below moderate' }],
      }),
    );
  });

  it('R-AS-8: severe with bad impact is flagged for dismissal, severe alone is not', () => {
    expect(calc({ severity: 'severe', badImpact: true }).flaggedForDismissal).toBe(true);
    expect(calc({ severity: 'severe', badImpact: false }).flaggedForDismissal).toBe(false);
    expect(calc({ severity: 'serious', badImpact: true }).flaggedForDismissal).toBe(false);
  });

  it('R-AS-9: the same problem again within 30 days doubles the fine', () => {
    const result = calc({ priorPenalties: [aPrior()] });
    expect(result).toMatchObject({
      baseFen: 3_000,
      amountFen: 6_000,
      doubled: true,
      repeatOfPenaltyId: 'pen-0',
    });
  });

  it('R-AS-9: doubling a severe fine goes beyond 100 元', () => {
    expect(calc({ severity: 'severe', priorPenalties: [aPrior()] }).amountFen).toBe(20_000);
  });

  it('R-AS-9: after 30 days, or for another canteen, cause or staff member, it is not the same problem', () => {
    const old = aPrior({ occurredAt: new Date(T0.getTime() - 31 * DAY_MS) });
    expect(calc({ priorPenalties: [old] }).doubled).toBe(false);
    const exactly30 = aPrior({ occurredAt: new Date(T0.getTime() - 30 * DAY_MS) });
    expect(calc({ priorPenalties: [exactly30] }).doubled).toBe(true);
    for (const problem of [
      { canteenId: 'canteen-2', category: 'service', cause: 'staff-attitude', staffId: 'driver-3' },
      { canteenId: 'canteen-1', category: 'service', cause: 'late-delivery', staffId: 'driver-3' },
      { canteenId: 'canteen-1', category: 'service', cause: 'staff-attitude', staffId: 'driver-4' },
    ]) {
      expect(calc({ priorPenalties: [aPrior({ problem })] }).doubled).toBe(false);
    }
  });

  it('R-AS-9: a rejected or withdrawn earlier penalty does not make a repeat', () => {
    expect(calc({ priorPenalties: [aPrior({ counts: false })] }).doubled).toBe(false);
  });

  it('R-AS-10: with no responsible person the aftersales-lead bears the fine', () => {
    const result = calc({ responsibleStaffId: undefined, aftersalesLeadId: 'lead-9' });
    expect(result).toMatchObject({ staffId: 'lead-9', borneByLead: true, amountFen: 3_000 });
    expect(result.problem.staffId).toBe('lead-9');
  });

  it('R-AS-11: early departure and hiding an unresolved complaint are fixed 20 元 fines', () => {
    expect(FIXED_FINES['early-departure']).toBe(2_000);
    expect(FIXED_FINES['hid-unresolved-complaint']).toBe(2_000);
  });
});
