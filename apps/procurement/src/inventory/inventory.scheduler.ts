import { Injectable } from '@nestjs/common';
import { PeriodicSweep, ServiceConfig } from '@app/common';
import { InventoryService } from './inventory.service';
import { ReservationsService } from './reservations/reservations.service';

/**
 * Periodic sweep: quarantine lots at expiry (R-INV-2), retry backorders (R-INV-3). Each lot and
 * reservation is claimed by a conditional update, so several instances may sweep at once.
 */
@Injectable()
export class InventoryScheduler extends PeriodicSweep {
  constructor(
    config: ServiceConfig,
    private readonly inventory: InventoryService,
    private readonly reservations: ReservationsService,
  ) {
    super(config);
  }

  async sweep(): Promise<void> {
    const quarantined = await this.inventory.quarantineExpired();
    if (quarantined.length) this.logger.log(`quarantined expired lots ${quarantined.join(', ')}`);
    await this.reservations.retryBackorders();
  }
}
