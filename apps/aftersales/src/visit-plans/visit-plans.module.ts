import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CanteensModule } from '../canteens/canteens.module';
import { VisitPlanDoc, VisitPlanSchema } from './visit-plan.schema';
import { VisitPlansController } from './visit-plans.controller';
import { VisitPlansService } from './visit-plans.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: VisitPlanDoc.name, schema: VisitPlanSchema }]),
    CanteensModule,
  ],
  controllers: [VisitPlansController],
  providers: [VisitPlansService],
})
export class VisitPlansModule {}
