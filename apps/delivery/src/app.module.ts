import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/common';
import { CanteensModule } from './canteens/canteens.module';
import { DeliveryConfigModule } from './config/delivery-config.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { DeliveryRecord } from './deliveries/delivery.schema';
import { DriversModule } from './drivers/drivers.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReportsModule } from './reports/reports.module';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'delivery', outboxModels: [DeliveryRecord.name] }),
    DeliveryConfigModule,
    CanteensModule,
    DriversModule,
    DeliveriesModule,
    NotificationsModule,
    ReportsModule,
  ],
})
export class DeliveryAppModule {}
