import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { STAFF } from '../shared/staff-roles';
import { ObservationsDto, OpenSurveyDto, ReasonDto, SurveyView } from './price-survey.dto';
import { PriceSurveysService } from './price-surveys.service';

@ApiTags('price surveys')
@Controller('price-surveys')
export class PriceSurveysController {
  constructor(private readonly surveys: PriceSurveysService) {}

  @ApiCreatedResponse({ type: SurveyView })
  @Post()
  @Roles('buyer')
  open(@Body() dto: OpenSurveyDto, @CurrentCaller() caller: Caller): Promise<SurveyView> {
    return this.surveys.open(dto.week, caller);
  }

  @ApiOkResponse({ type: SurveyView })
  @Put(':week/observations')
  @Roles('buyer')
  edit(
    @Param('week') week: string,
    @Body() dto: ObservationsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SurveyView> {
    return this.surveys.editObservations(week, dto, caller);
  }

  @ApiCreatedResponse({ type: SurveyView })
  @Post(':week/submit')
  @Roles('buyer')
  submit(@Param('week') week: string, @CurrentCaller() caller: Caller): Promise<SurveyView> {
    return this.surveys.submit(week, caller);
  }

  @ApiCreatedResponse({ type: SurveyView })
  @Post(':week/approve')
  @Roles('ops-manager')
  approve(@Param('week') week: string, @CurrentCaller() caller: Caller): Promise<SurveyView> {
    return this.surveys.approve(week, caller);
  }

  @ApiCreatedResponse({ type: SurveyView })
  @Post(':week/return')
  @Roles('ops-manager')
  sendBack(
    @Param('week') week: string,
    @Body() dto: ReasonDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SurveyView> {
    return this.surveys.sendBack(week, dto.reason, caller);
  }

  @ApiOkResponse({ type: SurveyView })
  @Get(':week')
  @Roles(...STAFF)
  get(@Param('week') week: string): Promise<SurveyView> {
    return this.surveys.get(week);
  }
}
