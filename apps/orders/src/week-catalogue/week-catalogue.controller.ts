import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { WeekCatalogueQueryDto, WeekCatalogueView } from './week-catalogue.dto';
import { WeekCatalogueService } from './week-catalogue.service';

@ApiTags('catalogue')
@Controller('catalogue')
export class WeekCatalogueController {
  constructor(private readonly catalogue: WeekCatalogueService) {}

  @ApiOkResponse({ type: WeekCatalogueView })
  @Get(':week')
  @Roles('canteen', 'ops-manager', 'chef')
  week(
    @Param('week') week: string,
    @Query() query: WeekCatalogueQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WeekCatalogueView> {
    return this.catalogue.of(week, caller, query.canteenId);
  }
}
