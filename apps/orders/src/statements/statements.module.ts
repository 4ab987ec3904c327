import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrdersModule } from '../orders/orders.module';
import { CanteenCreditDocument, CanteenCreditSchema } from './canteen-credit.schema';
import { StatementsController } from './statements.controller';
import { StatementsHandler } from './statements.handler';
import { StatementsService } from './statements.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: CanteenCreditDocument.name, schema: CanteenCreditSchema }]),
    OrdersModule,
  ],
  controllers: [StatementsController],
  providers: [StatementsService, StatementsHandler],
})
export class StatementsModule {}
