import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ServiceConfig } from '@app/common';
import { InventoryService } from './inventory.service';
import { ReservationsService } from './reservations/reservations.service';

/**
 * Periodic sweep: quarantine lots at expiry (R-INV-2), retry backorders (R-INV-3). Each lot and
 * reservation is claimed by a conditional update, so several instances may sweep at once.
 */
@Injectable()
export class InventoryScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InventoryScheduler.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly config: ServiceConfig,
    private readonly inventory: InventoryService,
    private readonly reservations: ReservationsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.TIMER_SWEEP_MS > 0)
      this.timer = setInterval(() => void this.sweep(), this.config.TIMER_SWEEP_MS);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const quarantined = await this.inventory.quarantineExpired();
      if (quarantined.length) this.logger.log(`quarantined expired lots ${quarantined.join(', ')}`);
      await this.reservations.retryBackorders();
    } catch (error) {
      this.logger.error(`inventory sweep failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
