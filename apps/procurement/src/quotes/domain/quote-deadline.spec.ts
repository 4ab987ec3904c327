import { fromShanghai } from '@app/common/clock/business-time';
import { Actor } from '../../shared/domain/actor';
import {
  assertQuoteWindowOpen,
  isQuoteWindowOpen,
  quoteDeadline,
  reopenRound,
} from './quote-deadline';

const manager: Actor = { userId: 'u-ops', role: 'ops-manager' };

describe('quote deadline', () => {
  it('R-PROC-3: quotes for a week are due at 00:00 Asia/Shanghai on the Saturday before it', () => {
    // 2026-W11 starts Monday 2026-03-09; the Saturday before is 2026-03-07.
    expect(quoteDeadline('2026-W11')).toEqual(fromShanghai(2026, 3, 7, 0, 0));
    expect(quoteDeadline('2026-W11').toISOString()).toBe('2026-03-06T16:00:00.000Z');
  });

  it('R-PROC-3: one minute before the deadline is open, the deadline itself is closed', () => {
    const deadline = quoteDeadline('2026-W11');
    expect(isQuoteWindowOpen('2026-W11', new Date(deadline.getTime() - 60_000))).toBe(true);
    expect(isQuoteWindowOpen('2026-W11', deadline)).toBe(false);
  });

  it('R-PROC-3: a late quote is refused with a clear error naming the deadline', () => {
    expect(() => assertQuoteWindowOpen('2026-W11', fromShanghai(2026, 3, 7, 9))).toThrow(
      expect.objectContaining({
        code: 'QUOTE.DEADLINE_PASSED',
        message: expect.stringContaining('2026-03-06T16:00:00.000Z'),
      }),
    );
  });

  it('R-PROC-3: an ops-manager reopens the round until a later time', () => {
    const now = fromShanghai(2026, 3, 7, 9);
    const reopening = reopenRound(
      '2026-W11',
      fromShanghai(2026, 3, 7, 18),
      'pork supplier was ill',
      manager,
      now,
    );
    expect(isQuoteWindowOpen('2026-W11', now, reopening)).toBe(true);
    expect(isQuoteWindowOpen('2026-W11', fromShanghai(2026, 3, 7, 18), reopening)).toBe(false);
  });

  it('R-PROC-3: only an ops-manager reopens, with a reason and a future end', () => {
    const now = fromShanghai(2026, 3, 7, 9);
    const until = fromShanghai(2026, 3, 7, 18);
    expect(() => reopenRound('2026-W11', until, 'x', { userId: 'b', role: 'buyer' }, now)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
    expect(() => reopenRound('2026-W11', now, 'x', manager, now)).toThrow(
      expect.objectContaining({ code: 'QUOTE.REOPEN_IN_PAST' }),
    );
    expect(() => reopenRound('2026-W11', until, ' ', manager, now)).toThrow(
      expect.objectContaining({ code: 'QUOTE.REASON_REQUIRED' }),
    );
  });

  it('R-PROC-3: a malformed week is refused naming the field', () => {
    expect(() => quoteDeadline('2026-11')).toThrow(
      expect.objectContaining({ code: 'PROCUREMENT.INVALID_WEEK' }),
    );
  });
});
