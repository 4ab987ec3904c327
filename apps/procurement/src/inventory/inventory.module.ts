import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IngredientsModule } from '../ingredients/ingredients.module';
import { InventoryController } from './inventory.controller';
import { InventoryScheduler } from './inventory.scheduler';
import { InventoryService } from './inventory.service';
import { LotDoc, LotSchema } from './lots/lot.schema';
import { LotsService } from './lots/lots.service';
import { StockMoveDoc, StockMoveSchema } from './lots/stock-move.schema';
import { OrderEventsHandler } from './reservations/order-events.handler';
import { ReservationDoc, ReservationSchema } from './reservations/reservation.schema';
import { BackorderMarker, BackorderMarkerSchema } from './reservations/backorder-marker.schema';
import { ReservationsService } from './reservations/reservations.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: LotDoc.name, schema: LotSchema },
      { name: StockMoveDoc.name, schema: StockMoveSchema },
      { name: ReservationDoc.name, schema: ReservationSchema },
      { name: BackorderMarker.name, schema: BackorderMarkerSchema },
    ]),
    IngredientsModule,
  ],
  controllers: [InventoryController],
  providers: [
    LotsService,
    ReservationsService,
    InventoryService,
    InventoryScheduler,
    OrderEventsHandler,
  ],
  exports: [LotsService, ReservationsService, InventoryService],
})
export class InventoryModule {}
