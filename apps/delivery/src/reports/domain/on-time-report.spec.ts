import { HOUR_MS, MINUTE_MS } from '@app/common/clock/clock';
import { fromShanghai } from '@app/common/clock/business-time';
import { onTimeReport, outcomeOf, type ReportedDelivery } from './on-time-report';

const monday10 = fromShanghai(2026, 1, 5, 10, 0);
const tuesday10 = fromShanghai(2026, 1, 6, 10, 0);

function aReportedDelivery(overrides: Partial<ReportedDelivery> = {}): ReportedDelivery {
  const deadline = overrides.deadline ?? monday10;
  return {
    deliveryId: 'delivery-1',
    orderId: 'order-1',
    canteenId: 'canteen-1',
    driverId: 'driver-1',
    status: 'delivered',
    deadline,
    deliveredAt: new Date(deadline.getTime() - 30 * MINUTE_MS),
    breaches: [],
    forceMajeure: [],
    ...overrides,
  };
}

function late(overrides: Partial<ReportedDelivery> = {}): ReportedDelivery {
  const deadline = overrides.deadline ?? monday10;
  const deliveredAt = new Date(deadline.getTime() + HOUR_MS);
  return aReportedDelivery({
    deliveredAt,
    breaches: [{ deadline, detectedAt: deliveredAt, deliveredAt }],
    ...overrides,
  });
}

function waived(overrides: Partial<ReportedDelivery> = {}): ReportedDelivery {
  const previous = monday10;
  const deadline = new Date(previous.getTime() + 2 * HOUR_MS);
  return aReportedDelivery({
    deadline,
    deliveredAt: new Date(previous.getTime() + HOUR_MS),
    breaches: [
      {
        deadline: previous,
        detectedAt: previous,
        deliveredAt: new Date(previous.getTime() + HOUR_MS),
        waivedAt: previous,
      },
    ],
    forceMajeure: [
      {
        cause: 'flood',
        proofRef: 'doc-1',
        previousDeadline: previous,
        newDeadline: deadline,
        recordedAt: previous,
        recordedBy: 'dispatcher-1',
      },
    ],
    ...overrides,
  });
}

describe('outcomeOf', () => {
  it('R-DEL-8: classifies on time, breached, waived, pending and cancelled', () => {
    expect(outcomeOf(aReportedDelivery())).toBe('on-time');
    expect(outcomeOf(late())).toBe('breached');
    expect(outcomeOf(waived())).toBe('waived');
    expect(outcomeOf(aReportedDelivery({ status: 'assigned', deliveredAt: undefined }))).toBe(
      'pending',
    );
    expect(
      outcomeOf(
        aReportedDelivery({
          status: 'picked-up',
          deliveredAt: undefined,
          breaches: [{ deadline: monday10, detectedAt: monday10 }],
        }),
      ),
    ).toBe('breached');
    expect(outcomeOf(aReportedDelivery({ status: 'cancelled', deliveredAt: undefined }))).toBe(
      'cancelled',
    );
  });
});

describe('onTimeReport', () => {
  const deliveries = [
    aReportedDelivery({ deliveryId: 'd1' }),
    aReportedDelivery({ deliveryId: 'd2', driverId: 'driver-2', canteenId: 'canteen-2' }),
    late({ deliveryId: 'd3', driverId: 'driver-2' }),
    waived({ deliveryId: 'd4' }),
    aReportedDelivery({ deliveryId: 'd5', deadline: tuesday10, canteenId: 'canteen-2' }),
    aReportedDelivery({ deliveryId: 'd6', status: 'cancelled', deliveredAt: undefined }),
    aReportedDelivery({ deliveryId: 'd7', deadline: fromShanghai(2026, 1, 7, 10, 0) }),
    aReportedDelivery({
      deliveryId: 'd8',
      status: 'scheduled',
      driverId: undefined,
      deliveredAt: undefined,
    }),
  ];
  const report = onTimeReport(deliveries, '2026-01-05', '2026-01-06');

  it('R-DEL-8: on-time rate over decided deliveries, waived and pending kept out of the rate', () => {
    expect(report.total).toEqual({
      key: 'total',
      onTime: 3,
      breached: 1,
      waived: 1,
      pending: 1,
      onTimeRate: 0.75,
    });
  });

  it('R-DEL-8: per Shanghai day of the deadline, within the inclusive range', () => {
    expect(report.byDay).toEqual([
      { key: '2026-01-05', onTime: 2, breached: 1, waived: 1, pending: 1, onTimeRate: 0.6667 },
      { key: '2026-01-06', onTime: 1, breached: 0, waived: 0, pending: 0, onTimeRate: 1 },
    ]);
  });

  it('R-DEL-8: a deadline at 00:30 Shanghai belongs to that Shanghai day, not the UTC one', () => {
    const lateNight = aReportedDelivery({ deadline: fromShanghai(2026, 1, 6, 0, 30) });
    expect(onTimeReport([lateNight], '2026-01-06', '2026-01-06').byDay.map((d) => d.key)).toEqual([
      '2026-01-06',
    ]);
    expect(onTimeReport([lateNight], '2026-01-05', '2026-01-05').total.onTime).toBe(0);
  });

  it('R-DEL-8: per driver, undispatched ones under unassigned', () => {
    expect(report.byDriver.map((f) => [f.key, f.onTime, f.breached, f.onTimeRate])).toEqual([
      ['driver-1', 2, 0, 1],
      ['driver-2', 1, 1, 0.5],
      ['unassigned', 0, 0, null],
    ]);
  });

  it('R-DEL-8: per canteen', () => {
    expect(report.byCanteen.map((f) => [f.key, f.onTime, f.breached])).toEqual([
      ['canteen-1', 1, 1],
      ['canteen-2', 2, 0],
    ]);
  });

  it('R-DEL-8: lists the breaches and the waivers', () => {
    expect(report.breaches.map((b) => [b.deliveryId, b.waived])).toEqual([
      ['d4', true],
      ['d3', false],
    ]);
    expect(report.waivers).toEqual([
      expect.objectContaining({
        deliveryId: 'd4',
        cause: 'flood',
        proofRef: 'doc-1',
        recordedBy: 'dispatcher-1',
      }),
    ]);
  });
});
