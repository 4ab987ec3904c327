import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/common';
import { CanteensModule } from './canteens/canteens.module';
import { GoodsReceiptsModule } from './goods-receipts/goods-receipts.module';
import { IngredientDoc } from './ingredients/ingredient.schema';
import { IngredientsModule } from './ingredients/ingredients.module';
import { InventoryModule } from './inventory/inventory.module';
import { ReservationDoc } from './inventory/reservations/reservation.schema';
import { PriceSurveysModule } from './price-surveys/price-surveys.module';
import { PurchaseOrdersModule } from './purchase-orders/purchase-orders.module';
import { QuoteDoc } from './quotes/quote.schema';
import { ReplenishmentModule } from './replenishment/replenishment.module';
import { ReturnedGoodsDoc } from './returned-goods/returned-goods.schema';
import { ReturnedGoodsModule } from './returned-goods/returned-goods.module';
import { QuotesModule } from './quotes/quotes.module';
import { SettingsModule } from './settings/settings.module';
import { SettlementModule } from './settlement/settlement.module';
import { SuppliersModule } from './suppliers/suppliers.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'procurement',
      outboxModels: [IngredientDoc.name, QuoteDoc.name, ReservationDoc.name, ReturnedGoodsDoc.name],
    }),
    CanteensModule,
    IngredientsModule,
    SuppliersModule,
    SettingsModule,
    PriceSurveysModule,
    QuotesModule,
    PurchaseOrdersModule,
    GoodsReceiptsModule,
    InventoryModule,
    ReturnedGoodsModule,
    ReplenishmentModule,
    SettlementModule,
  ],
})
export class ProcurementAppModule {}
