import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { CompleteFollowUpDto, FollowUpListQuery, FollowUpView, SolutionDto } from './follow-up.dto';
import { FollowUpsService } from './follow-ups.service';

const STAFF = ['aftersales', 'aftersales-lead'] as const;

@ApiTags('follow-ups')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @ApiOkResponse({ type: [FollowUpView] })
  @Get()
  @Roles('canteen', ...STAFF)
  list(
    @Query() query: FollowUpListQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<FollowUpView[]> {
    return this.followUps.list(query, caller);
  }

  @ApiOkResponse({ type: FollowUpView })
  @Get(':id')
  @Roles('canteen', ...STAFF)
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<FollowUpView> {
    return this.followUps.get(id, caller);
  }

  /** A canteen may answer its own survey; staff record calls and visits. */
  @ApiOkResponse({ type: FollowUpView })
  @Post(':id/completion')
  @HttpCode(200)
  @Roles('canteen', ...STAFF)
  complete(
    @Param('id') id: string,
    @Body() dto: CompleteFollowUpDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FollowUpView> {
    return this.followUps.complete(id, dto, caller);
  }

  @ApiOkResponse({ type: FollowUpView })
  @Post(':id/open-points/:pointId/supervisor-report')
  @HttpCode(200)
  @Roles(...STAFF)
  report(
    @Param('id') id: string,
    @Param('pointId') pointId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<FollowUpView> {
    return this.followUps.reportPoint(id, pointId, caller);
  }

  @ApiOkResponse({ type: FollowUpView })
  @Post(':id/open-points/:pointId/solution')
  @HttpCode(200)
  @Roles(...STAFF)
  solve(
    @Param('id') id: string,
    @Param('pointId') pointId: string,
    @Body() dto: SolutionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FollowUpView> {
    return this.followUps.solvePoint(id, pointId, dto.solution, caller);
  }

  @ApiOkResponse({ type: FollowUpView })
  @Post(':id/open-points/:pointId/canteen-notification')
  @HttpCode(200)
  @Roles(...STAFF)
  notify(
    @Param('id') id: string,
    @Param('pointId') pointId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<FollowUpView> {
    return this.followUps.notifyPoint(id, pointId, caller);
  }
}
