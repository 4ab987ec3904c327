import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { ClaimsService, Clock, PeriodicSweep, ServiceConfig } from '@app/common';
import { WebhookSender } from '@app/common/webhooks/webhook-sender';
import { ComplaintsService } from '../complaints/complaints.service';
import { escalationNoticesFor, type EscalationNotice } from './domain/escalation-notice';
import { EscalationConfig } from './escalation-config';
import { EscalationNoticeRecord } from './escalation-notice.schema';
import type { EscalationNoticeQuery, EscalationNoticeView } from './escalation.dto';

/**
 * R-AS-4: escalations reach the aftersales-lead the way delivery pushes at-risk warnings. Each
 * sweep derives the notices of escalated complaints and special cases (insert-once by id), then
 * posts the pending ones outside any request (WebhookSender). Everything is stored and listed
 * by the API.
 */
@Injectable()
export class EscalationNoticesService extends PeriodicSweep {
  private readonly sender: WebhookSender<EscalationNoticeRecord>;

  constructor(
    @InjectModel(EscalationNoticeRecord.name)
    private readonly notices: Model<EscalationNoticeRecord>,
    private readonly complaints: ComplaintsService,
    private readonly clock: Clock,
    claims: ClaimsService,
    private readonly config: EscalationConfig,
    serviceConfig: ServiceConfig,
  ) {
    super(serviceConfig);
    this.sender = new WebhookSender(notices, clock, claims, {
      claimPrefix: 'escalation-notice',
      timeoutMs: config.ESCALATION_WEBHOOK_TIMEOUT_MS,
      logger: this.logger,
      payload: (n) => ({
        id: n._id,
        kind: n.kind,
        recipient: n.recipient,
        complaintId: n.complaintId,
        canteenId: n.canteenId,
        ...(n.timer && { timer: n.timer }),
        escalatedAt: n.escalatedAt,
        message: n.message,
        createdAt: n.createdAt,
      }),
    });
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
  sendDue(): Promise<number> {
    return this.sender.sendDue();
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
