import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ServiceConfig } from '../config/service-config';

/**
 * Base of a timer that sweeps stored due-times every `TIMER_SWEEP_MS` (0 = off, as in tests,
 * which call `sweep()` after moving the clock). The first sweep runs at start-up, so whatever
 * fell due while the service was down is caught up. Sweeps never overlap; a failed sweep is
 * logged and the next one retries, because due items stay due until claimed.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  protected constructor(protected readonly sweepConfig: ServiceConfig) {}

  /** Claims and handles everything due now; returns when done. */
  abstract sweep(): Promise<unknown>;

  onApplicationBootstrap(): void {
    const period = this.sweepConfig.TIMER_SWEEP_MS;
    if (period <= 0) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), period);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.sweep()
      .then(() => undefined)
      .catch((error: Error) => this.logger.error(`sweep failed, will retry: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}
