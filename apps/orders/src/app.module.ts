import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/common';
import { Canteen } from './canteens/canteen.schema';
import { CanteensModule } from './canteens/canteens.module';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'orders', outboxModels: [Canteen.name] }),
    CanteensModule,
  ],
})
export class OrdersAppModule {}
