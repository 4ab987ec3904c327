import { Module } from '@nestjs/common';
import { CanteensModule } from '../canteens/canteens.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { MenusModule } from '../menus/menus.module';
import { WeekCatalogueController } from './week-catalogue.controller';
import { WeekCatalogueService } from './week-catalogue.service';

/** The canteen-facing catalogue of a week: its menu by day and meal, its raw ingredient prices. */
@Module({
  imports: [CanteensModule, CatalogueModule, MenusModule],
  controllers: [WeekCatalogueController],
  providers: [WeekCatalogueService],
})
export class WeekCatalogueModule {}
