import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { LatePublishDto, MenuView } from './menu.dto';
import { MenusService } from './menus.service';

/** R-MENU-1 exception: a menu published after the Friday deadline, by the ops-manager. */
@ApiTags('menus')
@Controller('menus')
export class LateMenusController {
  constructor(private readonly menus: MenusService) {}

  @ApiOkResponse({ type: MenuView })
  @Post(':week/late-publication')
  @HttpCode(200)
  @Roles('ops-manager')
  publishLate(
    @Param('week') week: string,
    @Body() dto: LatePublishDto,
    @CurrentCaller() caller: Caller,
  ): Promise<MenuView> {
    return this.menus.publishLate(week, dto.reason, caller);
  }
}
