import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InventoryModule } from '../inventory/inventory.module';
import { ReturnApprovedHandler } from './return-approved.handler';
import { ReturnedGoodsController } from './returned-goods.controller';
import { ReturnedGoodsDoc, ReturnedGoodsSchema } from './returned-goods.schema';
import { ReturnedGoodsService } from './returned-goods.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: ReturnedGoodsDoc.name, schema: ReturnedGoodsSchema }]),
    InventoryModule,
  ],
  controllers: [ReturnedGoodsController],
  providers: [ReturnedGoodsService, ReturnApprovedHandler],
})
export class ReturnedGoodsModule {}
