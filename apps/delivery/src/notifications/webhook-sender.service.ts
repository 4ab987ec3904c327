import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
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
import { ClaimsService, Clock, MINUTE_MS, PeriodicSweep, ServiceConfig } from '@app/common';
import { DeliveryConfig } from '../config/delivery-config';
import { afterFailedAttempt } from './domain/webhook-retry';
import { NotificationRecord } from './notification.schema';

const BATCH = 50;
/** A claimed notification is left alone by other instances this long. */
const CLAIM_MS = 2 * MINUTE_MS;

/**
 * Posts pending notifications to their webhooks outside any request: a quick in-process retry
 * for a blip (cockatiel), then stored backoff across sweeps, then `failed`. A failing receiver
 * only delays its own notifications, never delivery work. Runs every TIMER_SWEEP_MS on its own,
 * so a slow webhook never holds up an SLA check.
 */
@Injectable()
export class WebhookSenderService extends PeriodicSweep {
  private readonly policy: IPolicy;

  constructor(
    @InjectModel(NotificationRecord.name) private readonly notifications: Model<NotificationRecord>,
    private readonly clock: Clock,
    private readonly claims: ClaimsService,
    config: DeliveryConfig,
    serviceConfig: ServiceConfig,
  ) {
    super(serviceConfig);
    this.policy = wrap(
      retry(handleAll, {
        maxAttempts: 2,
        backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 1_000 }),
      }),
      timeout(config.WEBHOOK_TIMEOUT_MS, TimeoutStrategy.Aggressive),
    );
  }

  sweep(): Promise<number> {
    return this.sendDue();
  }

  /** Sends what is due now; returns how many were sent. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.notifications
      .find({ status: 'pending', nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(BATCH)
      .lean()
      .exec();
    let sent = 0;
    for (const notification of due) {
      if (await this.sendOne(notification, now)) sent += 1;
    }
    return sent;
  }

  private async sendOne(n: NotificationRecord, now: Date): Promise<boolean> {
    // One sender per attempt, also with several instances (see ClaimsService).
    const attemptKey = `notification:${n._id}#${n.attempts + 1}`;
    if (!n.webhookUrl || !(await this.claims.claim(attemptKey, now, CLAIM_MS))) return false;
    await this.notifications
      .updateOne({ _id: n._id }, { $set: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) } })
      .exec();
    const attempts = n.attempts + 1;
    try {
      await this.post(n.webhookUrl, n);
      await this.notifications
        .updateOne(
          { _id: n._id },
          { $set: { status: 'sent', sentAt: this.clock.now(), attempts, nextAttemptAt: null } },
        )
        .exec();
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const next = afterFailedAttempt(attempts, this.clock.now());
      this.logger.warn(`webhook for ${n._id} failed (attempt ${attempts}): ${reason}`);
      await this.notifications
        .updateOne(
          { _id: n._id },
          {
            $set: {
              attempts,
              lastError: reason.slice(0, 500),
              ...(next.giveUp
                ? { status: 'failed', nextAttemptAt: null }
                : { nextAttemptAt: next.nextAttemptAt }),
            },
          },
        )
        .exec();
      return false;
    }
  }

  private async post(url: string, n: NotificationRecord): Promise<void> {
    const body = JSON.stringify({
      id: n._id,
      eventId: n.eventId,
      kind: n.kind,
      recipient: n.recipient,
      deliveryId: n.deliveryId,
      orderId: n.orderId,
      canteenId: n.canteenId,
      message: n.message,
      createdAt: n.createdAt,
    });
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
