import { T0 } from '../../testing/domain-factories';
import { breachPenaltyHoldUntil, breachResponsibility, type BreachFacts } from './breach-incident';

const aBreach = (overrides: Partial<BreachFacts> = {}): BreachFacts => ({
  deliveryId: 'del-1',
  canteenId: 'canteen-1',
  detectedAt: T0,
  ...overrides,
});

describe('delivery breach incident', () => {
  it('R-AS-11: a breach on the road is proposed against the driver', () => {
    expect(breachResponsibility(aBreach({ driverId: 'driver-3', dispatcherId: 'disp-1' }))).toEqual(
      {
        staffId: 'driver-3',
        role: 'driver',
      },
    );
  });

  it('R-AS-11: a breach never dispatched is proposed against the dispatcher', () => {
    expect(breachResponsibility(aBreach({ dispatcherId: 'disp-1' }))).toEqual({
      staffId: 'disp-1',
      role: 'dispatcher',
    });
  });

  it('R-AS-10: a breach naming nobody is borne by the aftersales-lead', () => {
    expect(breachResponsibility(aBreach())).toEqual({ role: 'none' });
  });

  it('R-DEL-6: the fine waits 3 days for a possible force-majeure waiver', () => {
    expect(breachPenaltyHoldUntil(T0)).toEqual(new Date('2026-03-05T02:00:00Z'));
  });
});
