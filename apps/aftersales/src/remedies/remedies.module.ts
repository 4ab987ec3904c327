import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ComplaintsModule } from '../complaints/complaints.module';
import { RemediesController } from './remedies.controller';
import { RemediesHandler } from './remedies.handler';
import { RemediesService } from './remedies.service';
import { RemedyDoc, RemedySchema } from './remedy.schema';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: RemedyDoc.name, schema: RemedySchema }]),
    ComplaintsModule,
  ],
  controllers: [RemediesController],
  providers: [RemediesService, RemediesHandler],
  exports: [RemediesService],
})
export class RemediesModule {}
