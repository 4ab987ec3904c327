import { Injectable } from '@nestjs/common';
import { Clock, DomainError, PeriodicSweep, ServiceConfig } from '@app/common';
import { DeliveryRepository } from './delivery.repository';
import { fireDueTimers } from './domain/sla-timers';
import { SlaTimersRepository } from './sla-timers.repository';

const BATCH = 200;

/**
 * R-DEL-5: fires the at-risk and breach checks that are due, every TIMER_SWEEP_MS and once at
 * start. Due times are stored (the delivery's own, and the live list `sla_timers` the sweep
 * reads, which holds only deliveries in flight), so a service that was down catches up on its
 * next sweep and the sweep's cost does not grow with finished deliveries. Each at-risk / breach event is written with a write conditional on the version read:
 * of several instances racing for it one wins and fires it, and the cleared due time never
 * matches again.
 */
@Injectable()
export class SlaSweepService extends PeriodicSweep {
  constructor(
    private readonly repository: DeliveryRepository,
    private readonly timers: SlaTimersRepository,
    private readonly clock: Clock,
    config: ServiceConfig,
  ) {
    super(config);
  }

  private listChecked = false;

  async sweep(): Promise<number> {
    if (!this.listChecked) await this.fillEmptyList();
    return this.runDueTimers();
  }

  /**
   * Deliveries stored before the live list existed get their timers, once: when the list is
   * empty at start-up, the deliveries with a check still ahead are read (one scan) and listed.
   */
  private async fillEmptyList(): Promise<void> {
    if (await this.timers.isEmpty()) {
      const open = await this.repository.find(
        { $or: [{ atRiskDueAt: { $ne: null } }, { breachDueAt: { $ne: null } }] },
        100_000,
      );
      for (const stored of open) await this.timers.expect(stored.delivery, stored.version);
    }
    this.listChecked = true;
  }

  /** Runs every due check now; returns how many at-risk and breach events this instance fired. */
  async runDueTimers(): Promise<number> {
    const now = this.clock.now();
    let fired = 0;
    const seen = new Set<string>();
    for (;;) {
      const due = (await this.timers.due(now, BATCH)).filter((id) => !seen.has(id));
      let written = 0;
      for (const deliveryId of due) {
        seen.add(deliveryId);
        const stored = await this.repository.load(deliveryId).catch((e: unknown) => {
          if (e instanceof DomainError && e.kind === 'not-found') return null;
          throw e;
        });
        if (!stored) {
          await this.timers.drop(deliveryId);
          continue;
        }
        const transition = fireDueTimers(stored.delivery, now);
        if (transition.events.length === 0) {
          // Early or already fired elsewhere: the timer moves to what is still ahead.
          await this.timers.settle(stored.delivery, stored.version);
          written += 1;
          continue;
        }
        const result = await this.repository.save(stored, transition);
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
