import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { AftersalesTimersService } from './aftersales-timers.service';

@Module({
  imports: [ComplaintsModule, FollowUpsModule],
  providers: [AftersalesTimersService],
  exports: [AftersalesTimersService],
})
export class TimersModule {}
