import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ComplaintsModule } from '../complaints/complaints.module';
import { PenaltiesModule } from '../penalties/penalties.module';
import { RemediesModule } from '../remedies/remedies.module';
import { FollowUpDoc, FollowUpSchema } from './follow-up.schema';
import { FollowUpsController } from './follow-ups.controller';
import { DeliveryCompletedHandler } from './delivery-completed.handler';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: FollowUpDoc.name, schema: FollowUpSchema }]),
    ComplaintsModule,
    PenaltiesModule,
    RemediesModule,
  ],
  controllers: [FollowUpsController],
  providers: [FollowUpsRepository, FollowUpsService, DeliveryCompletedHandler],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
