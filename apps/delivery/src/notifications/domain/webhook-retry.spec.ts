import { MINUTE_MS } from '@app/common/clock/clock';
import { MAX_WEBHOOK_ATTEMPTS, afterFailedAttempt } from './webhook-retry';

const now = new Date('2026-01-05T02:00:00Z');

describe('afterFailedAttempt', () => {
  it('R-DEL-5: retries a failed webhook with growing waits', () => {
    expect(afterFailedAttempt(1, now)).toEqual({
      giveUp: false,
      nextAttemptAt: new Date(now.getTime() + 30_000),
    });
    expect(afterFailedAttempt(2, now)).toEqual({
      giveUp: false,
      nextAttemptAt: new Date(now.getTime() + 2 * MINUTE_MS),
    });
  });

  it('R-DEL-5: gives up after a bounded number of attempts', () => {
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(6);
    expect(afterFailedAttempt(MAX_WEBHOOK_ATTEMPTS - 1, now).giveUp).toBe(false);
    expect(afterFailedAttempt(MAX_WEBHOOK_ATTEMPTS, now)).toEqual({ giveUp: true });
  });
});
