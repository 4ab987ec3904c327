import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { LateMenusController } from './late-menus.controller';
import { Menu, MenuSchema } from './menu.schema';
import { MenusController } from './menus.controller';
import { MenusService } from './menus.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: Menu.name, schema: MenuSchema }]), CatalogueModule],
  controllers: [MenusController, LateMenusController],
  providers: [MenusService],
  exports: [MenusService],
})
export class MenusModule {}
