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
import type { FilterQuery, Model } from 'mongoose';
import { ClaimsService, Clock, MINUTE_MS, PeriodicSweep, ServiceConfig } from '@app/common';
import { afterFailedAttempt } from '@app/common/webhooks/webhook-backoff';
import { ComplaintsService } from '../complaints/complaints.service';
import { escalationNoticesFor, type EscalationNotice } from './domain/escalation-notice';
import { EscalationConfig } from './escalation-config';
import { EscalationNoticeRecord } from './escalation-notice.schema';
import type { EscalationNoticeQuery, EscalationNoticeView } from './escalation.dto';

const BATCH = 50;
/** A claimed attempt is left alone by other instances this long. */
const CLAIM_MS = 2 * MINUTE_MS;

/**
 * R-AS-4: escalations reach the aftersales-lead the way delivery pushes at-risk warnings. Each
 * sweep derives the notices of escalated complaints and special cases (insert-once by id), then
 * posts the pending ones outside any request: a quick in-process retry (cockatiel), then stored
 * backoff across sweeps, then `failed`. Everything is stored and listed by the API.
 */
@Injectable()
export class EscalationNoticesService extends PeriodicSweep {
  private readonly policy: IPolicy;

  constructor(
    @InjectModel(EscalationNoticeRecord.name)
    private readonly notices: Model<EscalationNoticeRecord>,
    private readonly complaints: ComplaintsService,
    private readonly clock: Clock,
    private readonly claims: ClaimsService,
    private readonly config: EscalationConfig,
    serviceConfig: ServiceConfig,
  ) {
    super(serviceConfig);
    this.policy = wrap(
      retry(handleAll, {
        maxAttempts: 2,
        backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 1_000 }),
      }),
      timeout(config.ESCALATION_WEBHOOK_TIMEOUT_MS, TimeoutStrategy.Aggressive),
    );
  }

  sweep(): Promise<void> {
    return this.runNow();
  }

  /** Derives new notices and sends what is due; tests call it after moving the ManualClock. */
  async runNow(): Promise<void> {
    await this.raiseNotices();
    await this.sendDue();
  }

  /** Stores a notice for every escalation not yet noticed; returns the ids stored now. */
  async raiseNotices(): Promise<string[]> {
    const derived = (await this.complaints.escalatedOrSpecial()).flatMap(escalationNoticesFor);
    if (derived.length === 0) return [];
    const stored = await this.notices
      .find({ _id: { $in: derived.map((n) => n.noticeId) } }, { _id: 1 })
      .lean()
      .exec();
    const known = new Set(stored.map((d) => d._id));
    const raised: string[] = [];
    for (const notice of derived.filter((n) => !known.has(n.noticeId))) {
      if (await this.insertOnce(notice)) raised.push(notice.noticeId);
    }
    return raised;
  }

  async list(query: EscalationNoticeQuery): Promise<EscalationNoticeView[]> {
    const filter: FilterQuery<EscalationNoticeRecord> = {
      ...(query.status && { status: query.status }),
      ...(query.complaintId && { complaintId: query.complaintId }),
      ...(query.kind && { kind: query.kind }),
    };
    const docs = await this.notices.find(filter).sort({ createdAt: -1 }).limit(500).lean().exec();
    return docs.map(toView);
  }

  /** Sends what is due now; returns how many were sent. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.notices
      .find({ status: 'pending', nextAttemptAt: { $lte: now } })
      .sort({ nextAttemptAt: 1 })
      .limit(BATCH)
      .lean()
      .exec();
    let sent = 0;
    for (const notice of due) if (await this.sendOne(notice, now)) sent += 1;
    return sent;
  }

  private async insertOnce(notice: EscalationNotice): Promise<boolean> {
    const url = this.config.ESCALATION_WEBHOOK_URL;
    const now = this.clock.now();
    try {
      await this.notices.create({
        _id: notice.noticeId,
        kind: notice.kind,
        recipient: notice.recipient,
        complaintId: notice.complaintId,
        canteenId: notice.canteenId,
        ...(notice.timer && { timer: notice.timer }),
        escalatedAt: notice.escalatedAt,
        message: notice.message,
        createdAt: now,
        ...(url && { webhookUrl: url }),
        status: url ? 'pending' : 'no-webhook',
        attempts: 0,
        nextAttemptAt: url ? now : null,
      });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  private async sendOne(n: EscalationNoticeRecord, now: Date): Promise<boolean> {
    // One sender per attempt, also with several instances (see ClaimsService).
    const attemptKey = `escalation-notice:${n._id}#${n.attempts + 1}`;
    if (!n.webhookUrl || !(await this.claims.claim(attemptKey, now, CLAIM_MS))) return false;
    await this.notices
      .updateOne({ _id: n._id }, { $set: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) } })
      .exec();
    const attempts = n.attempts + 1;
    try {
      await this.post(n.webhookUrl, n);
      await this.notices
        .updateOne(
          { _id: n._id },
          { $set: { status: 'sent', sentAt: this.clock.now(), attempts, nextAttemptAt: null } },
        )
        .exec();
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const next = afterFailedAttempt(attempts, this.clock.now());
      this.logger.warn(`escalation webhook for ${n._id} failed (attempt ${attempts}): ${reason}`);
      await this.notices
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

  private async post(url: string, n: EscalationNoticeRecord): Promise<void> {
    const body = JSON.stringify({
      id: n._id,
      kind: n.kind,
      recipient: n.recipient,
      complaintId: n.complaintId,
      canteenId: n.canteenId,
      ...(n.timer && { timer: n.timer }),
      escalatedAt: n.escalatedAt,
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

function toView(n: EscalationNoticeRecord): EscalationNoticeView {
  return {
    id: n._id,
    kind: n.kind,
    recipient: n.recipient,
    complaintId: n.complaintId,
    canteenId: n.canteenId,
    ...(n.timer && { timer: n.timer }),
    escalatedAt: new Date(n.escalatedAt).toISOString(),
    message: n.message,
    createdAt: new Date(n.createdAt).toISOString(),
    status: n.status,
    attempts: n.attempts,
    ...(n.lastError && { lastError: n.lastError }),
    ...(n.sentAt && { sentAt: new Date(n.sentAt).toISOString() }),
  };
}
