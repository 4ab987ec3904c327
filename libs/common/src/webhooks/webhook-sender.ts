import type { Logger } from '@nestjs/common';
import {
  ExponentialBackoff,
  handleAll,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { Model } from 'mongoose';
import { MINUTE_MS, type Clock } from '../clock/clock';
import type { ClaimsService } from '../platform/claims/claims.service';
import { afterFailedAttempt } from './webhook-backoff';

/** The stored fields every webhook notification carries, whatever it notifies about. */
export interface WebhookRecord {
  _id: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  webhookUrl?: string;
}

export interface WebhookSenderOptions<T extends WebhookRecord> {
  /** Prefix of the per-attempt claim key, e.g. `notification`. */
  claimPrefix: string;
  timeoutMs: number;
  /** The JSON body posted for one record. */
  payload: (record: T) => Record<string, unknown>;
  logger: Logger;
}

const BATCH = 50;
/** A claimed attempt is left alone by other instances this long. */
const CLAIM_MS = 2 * MINUTE_MS;

/**
 * Posts stored pending webhook records outside any request: a quick in-process retry for a blip
 * (cockatiel), then the stored backoff across sweeps (`afterFailedAttempt`), then `failed`.
 * One sender per attempt, also with several instances (a claim per attempt); a failing receiver
 * only delays its own records.
 */
export class WebhookSender<T extends WebhookRecord> {
  private readonly policy: IPolicy;

  constructor(
    private readonly records: Model<T>,
    private readonly clock: Clock,
    private readonly claims: ClaimsService,
    private readonly options: WebhookSenderOptions<T>,
  ) {
    this.policy = wrap(
      retry(handleAll, {
        maxAttempts: 2,
        backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 1_000 }),
      }),
      timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
    );
  }

  /** Sends what is due now; returns how many were sent. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    const due = (await this.records
      .find({ status: 'pending', nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(BATCH)
      .lean()
      .exec()) as unknown as T[];
    let sent = 0;
    for (const record of due) if (await this.sendOne(record, now)) sent += 1;
    return sent;
  }

  private async sendOne(record: T, now: Date): Promise<boolean> {
    const attempts = record.attempts + 1;
    const attemptKey = `${this.options.claimPrefix}:${record._id}#${attempts}`;
    if (!record.webhookUrl || !(await this.claims.claim(attemptKey, now, CLAIM_MS))) return false;
    await this.update(record._id, { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) });
    try {
      await this.post(record.webhookUrl, this.options.payload(record));
      await this.update(record._id, {
        status: 'sent',
        sentAt: this.clock.now(),
        attempts,
        nextAttemptAt: null,
      });
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const next = afterFailedAttempt(attempts, this.clock.now());
      this.options.logger.warn(`webhook for ${record._id} failed (attempt ${attempts}): ${reason}`);
      await this.update(record._id, {
        attempts,
        lastError: reason.slice(0, 500),
        ...(next.giveUp
          ? { status: 'failed', nextAttemptAt: null }
          : { nextAttemptAt: next.nextAttemptAt }),
      });
      return false;
    }
  }

  private async update(id: string, set: Record<string, unknown>): Promise<void> {
    await this.records.updateOne({ _id: id }, { $set: set } as never).exec();
  }

  private async post(url: string, payload: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify(payload);
    await this.policy.execute(async ({ signal }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    });
  }
}
