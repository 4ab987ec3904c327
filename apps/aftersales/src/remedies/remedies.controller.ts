import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import {
  ChargeCauseDto,
  ChooseRemedyDto,
  OpenRemedyFromComplaintDto,
  RemedyListQuery,
  RemedyView,
} from './remedy.dto';
import { RemediesService } from './remedies.service';

const STAFF = ['aftersales', 'aftersales-lead'] as const;

@ApiTags('returns and exchanges')
@Controller()
export class RemediesController {
  constructor(private readonly remedies: RemediesService) {}

  @ApiOkResponse({ type: [RemedyView] })
  @Get('remedies')
  @Roles('canteen', ...STAFF)
  list(@Query() query: RemedyListQuery, @CurrentCaller() caller: Caller): Promise<RemedyView[]> {
    return this.remedies.list(query, caller);
  }

  @ApiOkResponse({ type: RemedyView })
  @Get('remedies/:id')
  @Roles('canteen', ...STAFF)
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<RemedyView> {
    return this.remedies.get(id, caller);
  }

  @ApiCreatedResponse({ type: RemedyView })
  @Post('complaints/:id/remedy')
  @Roles(...STAFF)
  openFromComplaint(
    @Param('id') id: string,
    @Body() dto: OpenRemedyFromComplaintDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemedyView> {
    return this.remedies.openFromComplaint(id, dto, caller);
  }

  @ApiOkResponse({ type: RemedyView })
  @Post('remedies/:id/choice')
  @HttpCode(200)
  @Roles('canteen', ...STAFF)
  choose(
    @Param('id') id: string,
    @Body() dto: ChooseRemedyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemedyView> {
    return this.remedies.choose(id, dto, caller);
  }

  @ApiOkResponse({ type: RemedyView })
  @Post('remedies/:id/approval')
  @HttpCode(200)
  @Roles(...STAFF)
  approve(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<RemedyView> {
    return this.remedies.approve(id, caller);
  }

  @ApiOkResponse({ type: RemedyView })
  @Post('remedies/:id/cause-charge')
  @HttpCode(200)
  @Roles(...STAFF)
  charge(
    @Param('id') id: string,
    @Body() dto: ChargeCauseDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemedyView> {
    return this.remedies.chargeCause(id, dto, caller);
  }
}
