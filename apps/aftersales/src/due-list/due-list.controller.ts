import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { DueListQuery, DueListView } from './due-list.dto';
import { DueListService } from './due-list.service';

@ApiTags('due list')
@Controller('due-list')
export class DueListController {
  constructor(private readonly dueList: DueListService) {}

  @ApiOkResponse({ type: DueListView })
  @Get()
  @Roles('aftersales', 'aftersales-lead')
  get(@Query() query: DueListQuery): Promise<DueListView> {
    return this.dueList.forDay(query.date);
  }
}
