import { expiryWarning, issueOrder, medianForUnit } from './stock';

const lot = (
  lotId: string,
  sku: string,
  receivedAt: string,
  expiresAt: string,
  status = 'available',
) => ({
  lotId,
  sku,
  receivedAt,
  expiresAt,
  available: 10,
  status,
});

describe('stock views', () => {
  it('R-INV-2: numbers lots in issue order, FIFO by default and FEFO where chosen', () => {
    const lots = [
      lot('p2', 'PORK', '2026-12-02', '2026-12-09'),
      lot('p1', 'PORK', '2026-12-01', '2026-12-20'),
      lot('t1', 'TOFU', '2026-12-01', '2026-12-08'),
      lot('t2', 'TOFU', '2026-12-02', '2026-12-05'),
      lot('t0', 'TOFU', '2026-11-20', '2026-11-25', 'quarantined'),
    ];
    const ordered = issueOrder(lots, new Set(['TOFU']));
    expect(ordered.map((l) => `${l.lotId}:${l.place}`)).toEqual([
      'p1:1',
      'p2:2',
      't0:0',
      't2:1',
      't1:2',
    ]);
  });

  it('warns of expiry within two days', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    expect(expiryWarning('2026-12-01T00:00:00Z', now)).toBe('expired');
    expect(expiryWarning('2026-12-03T12:00:00Z', now)).toBe('expiring');
    expect(expiryWarning('2026-12-09T00:00:00Z', now)).toBe('ok');
  });

  it('R-PROC-4: shows the survey median for the quoted unit', () => {
    expect(medianForUnit(2.8, 1000)).toBe(2800);
    expect(medianForUnit(undefined, 1000)).toBeUndefined();
  });
});
