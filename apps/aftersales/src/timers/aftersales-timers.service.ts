import { Injectable } from '@nestjs/common';
import { PeriodicSweep, ServiceConfig } from '@app/common';
import { ComplaintsService } from '../complaints/complaints.service';
import { EscalationNoticesService } from '../escalations/escalation-notices.service';
import { FollowUpsService } from '../follow-ups/follow-ups.service';

/**
 * Every timer of the service in one sweep, every TIMER_SWEEP_MS and once at start: response
 * times (R-AS-4), follow-ups after a complaint closes (R-AS-14), open points due at the
 * supervisor (R-AS-16). Each due item is claimed with ClaimsService (a unique insert), so it
 * fires once across instances; the sweep reads stored due times, so a
 * restart catches up on whatever fell due while the service was down.
 */
@Injectable()
export class AftersalesTimersService extends PeriodicSweep {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly followUps: FollowUpsService,
    private readonly escalationNotices: EscalationNoticesService,
    config: ServiceConfig,
  ) {
    super(config);
  }

  sweep(): Promise<void> {
    return this.runNow();
  }

  /** Runs every due timer now; tests call this after moving the ManualClock. */
  async runNow(): Promise<void> {
    await this.complaints.escalateDueTimers();
    // R-AS-4: what just escalated is pushed to the aftersales-lead in the same sweep.
    await this.escalationNotices.raiseNotices();
    await this.followUps.runTimers();
  }
}
