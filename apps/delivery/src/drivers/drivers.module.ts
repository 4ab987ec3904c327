import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DriversController } from './drivers.controller';
import { DriverRecord, DriverSchema } from './driver.schema';
import { DriversService } from './drivers.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: DriverRecord.name, schema: DriverSchema }])],
  controllers: [DriversController],
  providers: [DriversService],
  exports: [DriversService],
})
export class DriversModule {}
