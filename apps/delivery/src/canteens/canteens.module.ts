import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CanteenCopiesService } from './canteen-copies.service';
import { CanteenCopy, CanteenCopySchema } from './canteen-copy.schema';

/** The local canteen copy; deliveries' CanteenEventsHandler keeps it from snapshot events. */
@Module({
  imports: [MongooseModule.forFeature([{ name: CanteenCopy.name, schema: CanteenCopySchema }])],
  providers: [CanteenCopiesService],
  exports: [CanteenCopiesService, MongooseModule],
})
export class CanteensModule {}
