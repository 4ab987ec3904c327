import { Module } from '@nestjs/common';
import { GoodsReceiptsModule } from '../goods-receipts/goods-receipts.module';
import { InventoryModule } from '../inventory/inventory.module';
import { SuppliersModule } from '../suppliers/suppliers.module';
import { SettlementController } from './settlement.controller';
import { SettlementService } from './settlement.service';

@Module({
  imports: [GoodsReceiptsModule, InventoryModule, SuppliersModule],
  controllers: [SettlementController],
  providers: [SettlementService],
})
export class SettlementModule {}
