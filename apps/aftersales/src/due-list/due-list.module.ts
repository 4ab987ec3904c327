import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { DueListController } from './due-list.controller';
import { DueListService } from './due-list.service';

@Module({
  imports: [ComplaintsModule, FollowUpsModule],
  controllers: [DueListController],
  providers: [DueListService],
})
export class DueListModule {}
