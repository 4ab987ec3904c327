import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { QuotesModule } from '../quotes/quotes.module';
import { SuppliersModule } from '../suppliers/suppliers.module';
import { PurchaseOrderDoc, PurchaseOrderSchema } from './purchase-order.schema';
import { PurchaseOrdersController } from './purchase-orders.controller';
import { PurchaseOrdersService } from './purchase-orders.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: PurchaseOrderDoc.name, schema: PurchaseOrderSchema }]),
    QuotesModule,
    SuppliersModule,
  ],
  controllers: [PurchaseOrdersController],
  providers: [PurchaseOrdersService],
  exports: [PurchaseOrdersService],
})
export class PurchaseOrdersModule {}
