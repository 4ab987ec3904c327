import { fromShanghai } from '@app/common/clock/business-time';
import {
  expiredAcceptanceProblems,
  labelExpired,
  rejectExpiredAtSignature,
} from './expired-at-receipt';
import type { ReceiptLine } from './goods-receipt';

const line = (overrides: Partial<ReceiptLine> = {}): ReceiptLine => ({
  lineId: 'L1',
  sku: 'TOFU',
  accepted: 1_000,
  rejected: 0,
  ...overrides,
});

describe('expired goods at the door', () => {
  it('R-PROC-7: a best-before is usable through its whole Shanghai day', () => {
    expect(labelExpired('2026-03-09', fromShanghai(2026, 3, 9, 23, 59))).toBe(false);
    expect(labelExpired('2026-03-09', fromShanghai(2026, 3, 10, 0))).toBe(true);
    expect(labelExpired(undefined, fromShanghai(2030, 1, 1))).toBe(false);
  });

  it('R-PROC-7: accepting goods past their best-before is refused, naming the line', () => {
    const now = fromShanghai(2026, 3, 10, 7);
    expect(
      expiredAcceptanceProblems(
        [
          line({ bestBefore: '2026-03-12' }),
          line({ lineId: 'L2', bestBefore: '2026-03-09' }),
          line({ lineId: 'L3', accepted: 0, rejected: 500, bestBefore: '2026-03-01' }),
        ],
        now,
      ),
    ).toEqual([
      {
        field: 'lines[1].accepted',
        reason: 'best-before 2026-03-09 has passed: reject these goods with reason expired',
      },
    ]);
  });

  it('R-PROC-7: at the second signature, goods expired since recording are rejected as expired', () => {
    const now = fromShanghai(2026, 3, 10, 0, 30);
    const result = rejectExpiredAtSignature(
      [
        line({ bestBefore: '2026-03-10' }),
        line({
          lineId: 'L2',
          accepted: 700,
          rejected: 300,
          rejectionReason: 'damaged-packaging',
          bestBefore: '2026-03-09',
        }),
      ],
      now,
    );
    expect(result.rejected).toEqual([{ lineId: 'L2', quantity: 700 }]);
    expect(result.lines[0]).toEqual(line({ bestBefore: '2026-03-10' }));
    expect(result.lines[1]).toMatchObject({
      accepted: 0,
      rejected: 1_000,
      rejectionReason: 'expired',
    });
  });
});
