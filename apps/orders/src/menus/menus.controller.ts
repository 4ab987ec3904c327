import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { DraftMenuDto, MenuView } from './menu.dto';
import { MenusService } from './menus.service';

@ApiTags('menus')
@Controller('menus')
export class MenusController {
  constructor(private readonly menus: MenusService) {}

  @ApiOkResponse({ type: MenuView })
  @Put(':week/draft')
  @Roles('chef')
  saveDraft(
    @Param('week') week: string,
    @Body() dto: DraftMenuDto,
    @CurrentCaller() caller: Caller,
  ): Promise<MenuView> {
    return this.menus.saveDraft(week, dto, caller);
  }

  @ApiOkResponse({ type: MenuView })
  @Post(':week/publish')
  @HttpCode(200)
  @Roles('chef')
  publish(@Param('week') week: string, @CurrentCaller() caller: Caller): Promise<MenuView> {
    return this.menus.publish(week, caller);
  }

  @ApiOkResponse({ type: MenuView })
  @Get(':week')
  @Roles('canteen', 'chef', 'ops-manager', 'buyer')
  current(@Param('week') week: string): Promise<MenuView> {
    return this.menus.current(week);
  }

  @ApiOkResponse({ type: [MenuView] })
  @Get(':week/versions')
  @Roles('chef', 'ops-manager')
  versions(@Param('week') week: string): Promise<MenuView[]> {
    return this.menus.versions(week);
  }
}
