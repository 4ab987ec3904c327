import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IngredientsModule } from '../ingredients/ingredients.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PurchaseOrdersModule } from '../purchase-orders/purchase-orders.module';
import { GoodsReceiptDoc, GoodsReceiptSchema } from './goods-receipt.schema';
import { GoodsReceiptsController } from './goods-receipts.controller';
import { GoodsReceiptsScheduler } from './goods-receipts.scheduler';
import { GoodsReceiptsService } from './goods-receipts.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: GoodsReceiptDoc.name, schema: GoodsReceiptSchema }]),
    PurchaseOrdersModule,
    IngredientsModule,
    InventoryModule,
  ],
  controllers: [GoodsReceiptsController],
  providers: [GoodsReceiptsService, GoodsReceiptsScheduler],
  exports: [GoodsReceiptsService],
})
export class GoodsReceiptsModule {}
