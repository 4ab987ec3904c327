import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ServiceConfig } from '@app/common';
import { ComplaintsService } from '../complaints/complaints.service';
import { FollowUpsService } from '../follow-ups/follow-ups.service';

/**
 * Every timer of the service in one sweep: response times (R-AS-4), follow-ups after a
 * complaint closes (R-AS-14), open points due at the supervisor (R-AS-16). Each due item is
 * claimed by a version-guarded write, so it fires once across instances; the sweep reads stored
 * due times, so a restart catches up on whatever fell due while the service was down.
 */
@Injectable()
export class AftersalesTimersService implements OnModuleInit {
  private readonly logger = new Logger(AftersalesTimersService.name);
  private running = false;

  constructor(
    private readonly complaints: ComplaintsService,
    private readonly followUps: FollowUpsService,
    private readonly config: ServiceConfig,
    private readonly registry: SchedulerRegistry,
  ) {}

  onModuleInit(): void {
    const ms = this.config.TIMER_SWEEP_MS;
    if (ms > 0)
      this.registry.addInterval(
        'aftersales-timers',
        setInterval(() => void this.sweep(), ms),
      );
  }

  /** The interval's entry point: never overlaps itself, logs instead of crashing the process. */
  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.runNow();
    } catch (error) {
      // The next sweep retries: nothing is lost because the due times stay stored.
      this.logger.error(`timer sweep failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Runs every due timer now; tests call this after moving the ManualClock. */
  async runNow(): Promise<void> {
    await this.complaints.escalateDueTimers();
    await this.followUps.runTimers();
  }
}
