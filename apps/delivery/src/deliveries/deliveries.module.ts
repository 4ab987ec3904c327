import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CanteensModule } from '../canteens/canteens.module';
import { DriversModule } from '../drivers/drivers.module';
import { CanteenEventsHandler } from './canteen-events.handler';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { DeliveryRecord, DeliverySchema } from './delivery.schema';
import { DeliveryRepository } from './delivery.repository';
import { OrderEventsHandler } from './order-events.handler';
import { SlaPolicyProvider } from './sla-policy';
import { SlaSweepService } from './sla-sweep.service';
import { SlaTimer, SlaTimerSchema } from './sla-timer.schema';
import { SlaTimersRepository } from './sla-timers.repository';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DeliveryRecord.name, schema: DeliverySchema },
      { name: SlaTimer.name, schema: SlaTimerSchema },
    ]),
    CanteensModule,
    DriversModule,
  ],
  controllers: [DeliveriesController],
  providers: [
    DeliveryRepository,
    SlaTimersRepository,
    DeliveriesService,
    SlaPolicyProvider,
    SlaSweepService,
    OrderEventsHandler,
    CanteenEventsHandler,
  ],
  exports: [DeliveryRepository, SlaSweepService],
})
export class DeliveriesModule {}
