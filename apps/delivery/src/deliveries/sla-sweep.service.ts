import { Injectable } from '@nestjs/common';
import { Clock, PeriodicSweep, ServiceConfig } from '@app/common';
import { DeliveryRepository } from './delivery.repository';
import { fireDueTimers } from './domain/sla-timers';

const BATCH = 200;

/**
 * R-DEL-5: fires the at-risk and breach checks that are due, every TIMER_SWEEP_MS and once at
 * start. Due times are stored and indexed, so a service that was down catches up on its next
 * sweep. Each at-risk / breach event is written with a write conditional on the version read:
 * of several instances racing for it one wins and fires it, and the cleared due time never
 * matches again.
 */
@Injectable()
export class SlaSweepService extends PeriodicSweep {
  constructor(
    private readonly repository: DeliveryRepository,
    private readonly clock: Clock,
    config: ServiceConfig,
  ) {
    super(config);
  }

  sweep(): Promise<number> {
    return this.runDueTimers();
  }

  /** Runs every due check now; returns how many at-risk and breach events this instance fired. */
  async runDueTimers(): Promise<number> {
    const now = this.clock.now();
    let fired = 0;
    for (;;) {
      const due = await this.repository.find(
        { $or: [{ atRiskDueAt: { $lte: now } }, { breachDueAt: { $lte: now } }] },
        BATCH,
      );
      let written = 0;
      for (const stored of due) {
        const result = await this.repository.save(stored, fireDueTimers(stored.delivery, now));
        if (!result.saved) continue;
        written += 1;
        fired += result.events.length;
      }
      // A full batch all lost to other writers would loop; they sweep the rest.
      if (due.length < BATCH || written === 0) break;
    }
    if (fired > 0) this.logger.log(`fired ${fired} SLA events`);
    return fired;
  }
}
