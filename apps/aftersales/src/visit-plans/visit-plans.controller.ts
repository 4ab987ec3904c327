import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { PlanQuarterDto, RecordVisitDto, VisitPlanQuery, VisitPlanView } from './visit-plan.dto';
import { VisitPlansService } from './visit-plans.service';

@ApiTags('visit plans')
@Controller('visit-plans')
export class VisitPlansController {
  constructor(private readonly plans: VisitPlansService) {}

  @ApiCreatedResponse({ type: [VisitPlanView] })
  @Post()
  @Roles('aftersales-lead')
  plan(@Body() dto: PlanQuarterDto, @CurrentCaller() caller: Caller): Promise<VisitPlanView[]> {
    return this.plans.planQuarter(dto, caller);
  }

  @ApiOkResponse({ type: [VisitPlanView] })
  @Get()
  @Roles('canteen', 'aftersales', 'aftersales-lead')
  list(@Query() query: VisitPlanQuery, @CurrentCaller() caller: Caller): Promise<VisitPlanView[]> {
    return this.plans.list(query, caller);
  }

  @ApiCreatedResponse({ type: VisitPlanView })
  @Post(':id/visits')
  @Roles('aftersales', 'aftersales-lead')
  visit(
    @Param('id') id: string,
    @Body() dto: RecordVisitDto,
    @CurrentCaller() caller: Caller,
  ): Promise<VisitPlanView> {
    return this.plans.recordVisit(id, dto, caller);
  }
}
