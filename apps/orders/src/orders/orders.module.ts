import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CanteensModule } from '../canteens/canteens.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { MenusModule } from '../menus/menus.module';
import { OrderEventsHandler } from './order-events.handler';
import { OrderDocument, OrderSchema } from './order.schema';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: OrderDocument.name, schema: OrderSchema }]),
    CanteensModule,
    MenusModule,
    CatalogueModule,
  ],
  controllers: [OrdersController],
  providers: [OrdersService, OrderEventsHandler],
  exports: [OrdersService],
})
export class OrdersModule {}
