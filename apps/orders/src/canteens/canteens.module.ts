import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Canteen, CanteenSchema } from './canteen.schema';
import { CanteensController } from './canteens.controller';
import { CanteensService } from './canteens.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: Canteen.name, schema: CanteenSchema }])],
  controllers: [CanteensController],
  providers: [CanteensService],
  exports: [CanteensService],
})
export class CanteensModule {}
