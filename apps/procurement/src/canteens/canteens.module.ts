import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CanteenCopy, CanteenCopySchema } from './canteen-copy.schema';
import { CanteenCopyHandler } from './canteen-copy.handler';

@Module({
  imports: [MongooseModule.forFeature([{ name: CanteenCopy.name, schema: CanteenCopySchema }])],
  providers: [CanteenCopyHandler],
  exports: [MongooseModule],
})
export class CanteensModule {}
