import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/common';
import { CanteensModule } from './canteens/canteens.module';
import { Canteen } from './canteens/canteen.schema';
import { CatalogueModule } from './catalogue/catalogue.module';
import { Menu } from './menus/menu.schema';
import { MenusModule } from './menus/menus.module';
import { OrderDocument } from './orders/order.schema';
import { OrdersModule } from './orders/orders.module';
import { StatementsModule } from './statements/statements.module';
import { WeekCatalogueModule } from './week-catalogue/week-catalogue.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'orders',
      outboxModels: [Canteen.name, Menu.name, OrderDocument.name],
    }),
    CanteensModule,
    CatalogueModule,
    MenusModule,
    OrdersModule,
    StatementsModule,
    WeekCatalogueModule,
  ],
})
export class OrdersAppModule {}
