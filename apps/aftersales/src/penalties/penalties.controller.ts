import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles, yuanToFen } from '@app/common';
import {
  AppealDecisionDto,
  ApprovePenaltyDto,
  ComplaintPenaltyDto,
  CorrectionDto,
  MonthlyTotalView,
  MonthQuery,
  PenaltyListQuery,
  PenaltyScaleDto,
  PenaltyView,
  ProposePenaltyDto,
  ReasonDto,
} from './penalty.dto';
import { PenaltiesService } from './penalties.service';
import { PenaltyScaleService } from './penalty-scale.service';

const STAFF = ['aftersales', 'aftersales-lead'] as const;

@ApiTags('penalties')
@Controller()
export class PenaltiesController {
  constructor(
    private readonly penalties: PenaltiesService,
    private readonly scale: PenaltyScaleService,
  ) {}

  @ApiOkResponse({ type: PenaltyScaleDto })
  @Get('penalties/scale')
  @Roles(...STAFF)
  getScale(): Promise<PenaltyScaleDto> {
    return this.scale.view();
  }

  @ApiOkResponse({ type: PenaltyScaleDto })
  @Put('penalties/scale')
  @Roles('aftersales-lead')
  setScale(
    @Body() dto: PenaltyScaleDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PenaltyScaleDto> {
    return this.scale.set(dto, caller);
  }

  @ApiOkResponse({ type: [MonthlyTotalView] })
  @Get('penalties/monthly-totals')
  @Roles(...STAFF)
  totals(@Query() { month }: MonthQuery): Promise<MonthlyTotalView[]> {
    return this.penalties.monthlyTotals(month);
  }

  /** Drivers and dispatchers see their own fines (to appeal them); staff see all. */
  @ApiOkResponse({ type: [PenaltyView] })
  @Get('penalties')
  @Roles(...STAFF, 'driver', 'dispatcher')
  list(@Query() query: PenaltyListQuery, @CurrentCaller() caller: Caller): Promise<PenaltyView[]> {
    return this.penalties.list(query, caller);
  }

  @ApiOkResponse({ type: PenaltyView })
  @Get('penalties/:id')
  @Roles(...STAFF, 'driver', 'dispatcher')
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<PenaltyView> {
    return this.penalties.get(id, caller);
  }

  @ApiCreatedResponse({ type: PenaltyView })
  @Post('penalties')
  @Roles(...STAFF)
  propose(@Body() dto: ProposePenaltyDto, @CurrentCaller() caller: Caller): Promise<PenaltyView> {
    return this.penalties.proposeManual(dto, caller);
  }

  @ApiCreatedResponse({ type: PenaltyView })
  @Post('complaints/:id/penalties')
  @Roles(...STAFF)
  proposeForComplaint(
    @Param('id') id: string,
    @Body() dto: ComplaintPenaltyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PenaltyView> {
    return this.penalties.proposeForComplaint(id, dto, caller);
  }

  @ApiOkResponse({ type: PenaltyView })
  @Post('penalties/:id/approval')
  @HttpCode(200)
  @Roles('aftersales-lead')
  approve(
    @Param('id') id: string,
    @Body() dto: ApprovePenaltyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PenaltyView> {
    return this.penalties.approve(id, dto.note, caller);
  }

  @ApiOkResponse({ type: PenaltyView })
  @Post('penalties/:id/rejection')
  @HttpCode(200)
  @Roles('aftersales-lead')
  reject(
    @Param('id') id: string,
    @Body() dto: ReasonDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PenaltyView> {
    return this.penalties.apply(id, { type: 'reject', reason: dto.reason }, caller);
  }

  @ApiOkResponse({ type: PenaltyView })
  @Post('penalties/:id/appeal')
  @HttpCode(200)
  @Roles(...STAFF, 'driver', 'dispatcher')
  appeal(
    @Param('id') id: string,
    @Body() dto: ReasonDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PenaltyView> {
    return this.penalties.apply(id, { type: 'appeal', reason: dto.reason }, caller);
  }

  @ApiOkResponse({ type: PenaltyView })
  @Post('penalties/:id/appeal-decision')
  @HttpCode(200)
  @Roles('aftersales-lead')
  decide(
    @Param('id') id: string,
    @Body() dto: AppealDecisionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PenaltyView> {
    return this.penalties.decideAppeal(id, dto, caller);
  }

  @ApiOkResponse({ type: PenaltyView })
  @Post('penalties/:id/correction')
  @HttpCode(200)
  @Roles('aftersales-lead')
  correct(
    @Param('id') id: string,
    @Body() dto: CorrectionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PenaltyView> {
    return this.penalties.apply(
      id,
      { type: 'correct', correctedFen: yuanToFen(dto.correctedAmount), reason: dto.reason },
      caller,
    );
  }
}
