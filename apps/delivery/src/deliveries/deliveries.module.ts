import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { BINARY_UPLOAD_ROUTES } from '@app/common';
import { CanteensModule } from '../canteens/canteens.module';
import { DriversModule } from '../drivers/drivers.module';
import { CanteenEventsHandler } from './canteen-events.handler';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { DeliveryRecord, DeliverySchema } from './delivery.schema';
import { DeliveryRepository } from './delivery.repository';
import { OrderEventsHandler } from './order-events.handler';
import { ProofImageRecord, ProofImageSchema } from './proof-images/proof-image.schema';
import { ProofImagesController } from './proof-images/proof-images.controller';
import { ProofImagesService } from './proof-images/proof-images.service';
import { SlaPolicyProvider } from './sla-policy';
import { SlaSweepService } from './sla-sweep.service';
import { SlaTimer, SlaTimerSchema } from './sla-timer.schema';
import { SlaTimersRepository } from './sla-timers.repository';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DeliveryRecord.name, schema: DeliverySchema },
      { name: SlaTimer.name, schema: SlaTimerSchema },
      { name: ProofImageRecord.name, schema: ProofImageSchema },
    ]),
    CanteensModule,
    DriversModule,
  ],
  controllers: [DeliveriesController, ProofImagesController],
  providers: [
    DeliveryRepository,
    SlaTimersRepository,
    DeliveriesService,
    ProofImagesService,
    // The driver's phone posts a signature or photo as raw bytes (R-DEL-3).
    { provide: BINARY_UPLOAD_ROUTES, useValue: [/^\/deliveries\/[^/]+\/proof-images$/] },
    SlaPolicyProvider,
    SlaSweepService,
    OrderEventsHandler,
    CanteenEventsHandler,
  ],
  exports: [DeliveryRepository, SlaSweepService],
})
export class DeliveriesModule {}
