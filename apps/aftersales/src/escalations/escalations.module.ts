import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ComplaintsModule } from '../complaints/complaints.module';
import { EscalationConfig, loadEscalationConfig } from './escalation-config';
import { EscalationNoticeRecord, EscalationNoticeSchema } from './escalation-notice.schema';
import { EscalationNoticesController } from './escalation-notices.controller';
import { EscalationNoticesService } from './escalation-notices.service';

/** R-AS-4: escalations pushed to the aftersales-lead as webhook notifications. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EscalationNoticeRecord.name, schema: EscalationNoticeSchema },
    ]),
    ComplaintsModule,
  ],
  controllers: [EscalationNoticesController],
  providers: [
    { provide: EscalationConfig, useFactory: () => loadEscalationConfig() },
    EscalationNoticesService,
  ],
  exports: [EscalationNoticesService],
})
export class EscalationsModule {}
