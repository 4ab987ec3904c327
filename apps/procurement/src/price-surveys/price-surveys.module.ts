import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MenuPublishedHandler } from './menu-published.handler';
import {
  MenuIngredientsDoc,
  MenuIngredientsSchema,
  PriceSurveyDoc,
  PriceSurveySchema,
} from './price-survey.schema';
import { PriceSurveysController } from './price-surveys.controller';
import { PriceSurveysService } from './price-surveys.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PriceSurveyDoc.name, schema: PriceSurveySchema },
      { name: MenuIngredientsDoc.name, schema: MenuIngredientsSchema },
    ]),
  ],
  controllers: [PriceSurveysController],
  providers: [PriceSurveysService, MenuPublishedHandler],
  exports: [PriceSurveysService],
})
export class PriceSurveysModule {}
