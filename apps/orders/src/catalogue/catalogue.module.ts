import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ApprovedPrices, ApprovedPricesSchema } from './approved-prices.schema';
import { CatalogueHandler } from './catalogue.handler';
import { CatalogueService } from './catalogue.service';
import { Ingredient, IngredientSchema } from './ingredient.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Ingredient.name, schema: IngredientSchema },
      { name: ApprovedPrices.name, schema: ApprovedPricesSchema },
    ]),
  ],
  providers: [CatalogueService, CatalogueHandler],
  exports: [CatalogueService],
})
export class CatalogueModule {}
