import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ComplaintsModule } from '../complaints/complaints.module';
import { IncidentDoc, IncidentSchema } from '../incidents/incident.schema';
import { IncidentsHandler } from '../incidents/incidents.handler';
import { IncidentsService } from '../incidents/incidents.service';
import { StaffModule } from '../staff/staff.module';
import { PenaltiesController } from './penalties.controller';
import { PenaltiesService } from './penalties.service';
import { PenaltyScaleService } from './penalty-scale.service';
import { PenaltyDoc, PenaltySchema, SettingDoc, SettingSchema } from './penalty.schema';

/** Penalties and the delivery incidents that propose them. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PenaltyDoc.name, schema: PenaltySchema },
      { name: SettingDoc.name, schema: SettingSchema },
      { name: IncidentDoc.name, schema: IncidentSchema },
    ]),
    ComplaintsModule,
    StaffModule,
  ],
  controllers: [PenaltiesController],
  providers: [PenaltiesService, PenaltyScaleService, IncidentsService, IncidentsHandler],
  exports: [PenaltiesService],
})
export class PenaltiesModule {}
