import { Injectable } from '@nestjs/common';
import { PeriodicSweep, ServiceConfig } from '@app/common';
import { GoodsReceiptsService } from './goods-receipts.service';

/** Stocks dual-signed receipts whose lots were not created yet (the service stopped in between). */
@Injectable()
export class GoodsReceiptsScheduler extends PeriodicSweep {
  constructor(
    config: ServiceConfig,
    private readonly receipts: GoodsReceiptsService,
  ) {
    super(config);
  }

  async sweep(): Promise<void> {
    const stocked = await this.receipts.stockPending();
    if (stocked.length) this.logger.log(`stocked pending receipts ${stocked.join(', ')}`);
  }
}
