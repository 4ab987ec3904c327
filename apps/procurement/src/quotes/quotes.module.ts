import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PriceSurveysModule } from '../price-surveys/price-surveys.module';
import { SettingsModule } from '../settings/settings.module';
import { SuppliersModule } from '../suppliers/suppliers.module';
import { PriceRoundDoc, PriceRoundSchema, QuoteDoc, QuoteSchema } from './quote.schema';
import { QuotesController } from './quotes.controller';
import { QuotesService } from './quotes.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: QuoteDoc.name, schema: QuoteSchema },
      { name: PriceRoundDoc.name, schema: PriceRoundSchema },
    ]),
    PriceSurveysModule,
    SuppliersModule,
    SettingsModule,
  ],
  controllers: [QuotesController],
  providers: [QuotesService],
  exports: [QuotesService],
})
export class QuotesModule {}
