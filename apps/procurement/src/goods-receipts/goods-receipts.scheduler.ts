import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ServiceConfig } from '@app/common';
import { GoodsReceiptsService } from './goods-receipts.service';

/** Stocks dual-signed receipts whose lots were not created yet (the service stopped in between). */
@Injectable()
export class GoodsReceiptsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GoodsReceiptsScheduler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: ServiceConfig,
    private readonly receipts: GoodsReceiptsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.TIMER_SWEEP_MS > 0)
      this.timer = setInterval(() => void this.sweep(), this.config.TIMER_SWEEP_MS);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      const stocked = await this.receipts.stockPending();
      if (stocked.length) this.logger.log(`stocked pending receipts ${stocked.join(', ')}`);
    } catch (error) {
      this.logger.error(`receipt sweep failed: ${(error as Error).message}`);
    }
  }
}
