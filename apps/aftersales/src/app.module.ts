import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/common';
import { CanteensModule } from './canteens/canteens.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { DueListModule } from './due-list/due-list.module';
import { EscalationsModule } from './escalations/escalations.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { PenaltiesModule } from './penalties/penalties.module';
import { RemediesModule } from './remedies/remedies.module';
import { RemedyDoc } from './remedies/remedy.schema';
import { StaffModule } from './staff/staff.module';
import { TimersModule } from './timers/timers.module';
import { VisitPlansModule } from './visit-plans/visit-plans.module';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'aftersales', outboxModels: [RemedyDoc.name] }),
    CanteensModule,
    StaffModule,
    ComplaintsModule,
    RemediesModule,
    PenaltiesModule,
    FollowUpsModule,
    DueListModule,
    VisitPlansModule,
    TimersModule,
    EscalationsModule,
  ],
})
export class AftersalesAppModule {}
