import { Actor } from '../../shared/domain/actor';
import { GoodsReceipt, ReceiptLine, recordReceipt, signReceipt } from './goods-receipt';

const t0 = new Date('2026-03-09T01:00:00Z');
const t1 = new Date('2026-03-09T01:10:00Z');
const chef: Actor = { userId: 'u-chef', role: 'chef' };
const keeper: Actor = { userId: 'u-wh', role: 'warehouse' };

function aLine(overrides: Partial<ReceiptLine> = {}): ReceiptLine {
  return { lineId: 'L1', sku: 'PORK-BELLY', accepted: 9000, rejected: 0, ...overrides };
}
function aReceipt(lines = [aLine()]): GoodsReceipt {
  return recordReceipt('po-1', 'SUP-1', lines, keeper, t0);
}

describe('goods receipt', () => {
  it('R-PROC-7: a receipt takes effect only when both the chef and the warehouse keeper signed', () => {
    const first = signReceipt(aReceipt(), keeper, t0);
    expect(first.status).toBe('awaiting-signatures');
    const both = signReceipt(first, chef, t1);
    expect(both.status).toBe('effective');
    expect(both.signatures).toEqual({
      warehouse: { by: 'u-wh', at: t0 },
      chef: { by: 'u-chef', at: t1 },
    });
  });

  it('R-PROC-7: the same person cannot sign as both chef and warehouse keeper', () => {
    const signed = signReceipt(aReceipt(), keeper, t0);
    expect(() => signReceipt(signed, { userId: 'u-wh', role: 'chef' }, t1)).toThrow(
      expect.objectContaining({ code: 'RECEIPT.SAME_SIGNATORY', kind: 'forbidden' }),
    );
  });

  it('R-PROC-7: a role signs once; other roles do not sign', () => {
    const signed = signReceipt(aReceipt(), keeper, t0);
    expect(() => signReceipt(signed, { userId: 'u-wh2', role: 'warehouse' }, t1)).toThrow(
      expect.objectContaining({ code: 'RECEIPT.ALREADY_SIGNED' }),
    );
    expect(() => signReceipt(aReceipt(), { userId: 'u-b', role: 'buyer' }, t1)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });

  it('R-PROC-7: rejected goods need a reason from the list (short, damaged packaging, opened, off-spec, expired)', () => {
    expect(() => aReceipt([aLine({ rejected: 500 })])).toThrow(
      expect.objectContaining({
        code: 'RECEIPT.INVALID_LINES',
        fields: [expect.objectContaining({ field: 'lines[0].rejectionReason' })],
      }),
    );
    expect(
      aReceipt([aLine({ rejected: 500, rejectionReason: 'damaged-packaging' })]).lines[0].rejected,
    ).toBe(500);
  });

  it('R-PROC-7: a line with nothing accepted nor rejected, or a negative quantity, is refused', () => {
    expect(() => aReceipt([aLine({ accepted: 0 })])).toThrow(
      expect.objectContaining({ code: 'RECEIPT.INVALID_LINES' }),
    );
    expect(() => aReceipt([aLine({ accepted: -1 })])).toThrow(
      expect.objectContaining({ code: 'RECEIPT.INVALID_LINES' }),
    );
  });
});
