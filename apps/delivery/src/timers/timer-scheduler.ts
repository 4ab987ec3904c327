import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ServiceConfig } from '@app/common';
import { SlaSweepService } from '../deliveries/sla-sweep.service';
import { WebhookSenderService } from '../notifications/webhook-sender.service';

type Sweep = { name: string; run: () => Promise<number> };

/**
 * Runs the SLA checks and the webhook sends every TIMER_SWEEP_MS (0 = off; tests call the
 * sweeps directly after moving the clock). The first run is at start, to catch up on what
 * fell due while the service was down. A sweep never overlaps itself, and the two are
 * independent, so a slow webhook never holds up an SLA check.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TimerScheduler.name);
  private readonly running = new Set<string>();
  private readonly sweeps: Sweep[];

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly config: ServiceConfig,
    sla: SlaSweepService,
    webhooks: WebhookSenderService,
  ) {
    this.sweeps = [
      { name: 'delivery-sla-timers', run: () => sla.runDueTimers() },
      { name: 'delivery-webhooks', run: () => webhooks.sendDue() },
    ];
  }

  onApplicationBootstrap(): void {
    const period = this.config.TIMER_SWEEP_MS;
    if (period <= 0) return;
    for (const sweep of this.sweeps) {
      this.registry.addInterval(
        sweep.name,
        setInterval(() => this.tick(sweep), period),
      );
      this.tick(sweep);
    }
  }

  onModuleDestroy(): void {
    for (const sweep of this.sweeps) {
      if (this.registry.doesExist('interval', sweep.name)) this.registry.deleteInterval(sweep.name);
    }
  }

  private tick(sweep: Sweep): void {
    if (this.running.has(sweep.name)) return;
    this.running.add(sweep.name);
    sweep
      .run()
      .catch((e: Error) =>
        this.logger.warn(`${sweep.name} failed, next tick retries: ${e.message}`),
      )
      .finally(() => this.running.delete(sweep.name));
  }
}
