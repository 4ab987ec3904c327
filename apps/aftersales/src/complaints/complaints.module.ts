import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CanteenCopy, CanteenCopySchema } from '../canteens/canteen-copy.schema';
import { StaffModule } from '../staff/staff.module';
import { ComplaintDoc, ComplaintSchema } from './complaint.schema';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ComplaintDoc.name, schema: ComplaintSchema },
      { name: CanteenCopy.name, schema: CanteenCopySchema },
    ]),
    StaffModule,
  ],
  controllers: [ComplaintsController],
  providers: [ComplaintsRepository, ComplaintsService],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
