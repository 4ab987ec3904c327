import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { EscalationsModule } from '../escalations/escalations.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { AftersalesTimersService } from './aftersales-timers.service';

@Module({
  imports: [ComplaintsModule, FollowUpsModule, EscalationsModule],
  providers: [AftersalesTimersService],
  exports: [AftersalesTimersService],
})
export class TimersModule {}
