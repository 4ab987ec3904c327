import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { StaffController } from './staff.controller';
import { StaffMemberDoc, StaffMemberSchema } from './staff-member.schema';
import { StaffService } from './staff.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: StaffMemberDoc.name, schema: StaffMemberSchema }])],
  controllers: [StaffController],
  providers: [StaffService],
  exports: [StaffService],
})
export class StaffModule {}
