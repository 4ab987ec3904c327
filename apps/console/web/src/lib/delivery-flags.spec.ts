import { byDeadline, deliveryFlag, ratePercent } from './delivery-flags';

const aDelivery = (overrides: Partial<Parameters<typeof deliveryFlag>[0]> = {}) => ({
  status: 'scheduled',
  deadline: '2026-12-07T02:00:00.000Z',
  breaches: [] as { waivedAt?: string }[],
  ...overrides,
});

describe('dispatch board flags', () => {
  it('R-DEL-5: at risk once the service warned and the goods are not there yet', () => {
    expect(deliveryFlag(aDelivery())).toBe('open');
    expect(deliveryFlag(aDelivery({ atRiskNotifiedAt: '2026-12-07T00:00:00Z' }))).toBe('at-risk');
    expect(
      deliveryFlag(aDelivery({ atRiskNotifiedAt: '2026-12-07T00:00:00Z', status: 'picked-up' })),
    ).toBe('at-risk');
    expect(
      deliveryFlag(aDelivery({ atRiskNotifiedAt: '2026-12-07T00:00:00Z', status: 'arrived' })),
    ).toBe('done');
  });

  it('R-DEL-5, R-DEL-6: breached until force majeure waives it', () => {
    expect(deliveryFlag(aDelivery({ breaches: [{}] }))).toBe('breached');
    expect(deliveryFlag(aDelivery({ breaches: [{ waivedAt: '2026-12-07T03:00:00Z' }] }))).toBe(
      'open',
    );
    expect(deliveryFlag(aDelivery({ status: 'cancelled', breaches: [{}] }))).toBe('cancelled');
  });

  it('orders by deadline, the troubled first on a tie', () => {
    const late = aDelivery({ deadline: '2026-12-07T05:00:00.000Z' });
    const risky = aDelivery({ atRiskNotifiedAt: 'x' });
    const calm = aDelivery();
    expect(byDeadline([late, calm, risky])).toEqual([risky, calm, late]);
  });

  it('R-DEL-8: shows rates as percent', () => {
    expect(ratePercent(0.9666)).toBe(96.7);
    expect(ratePercent(null)).toBeNull();
  });
});
