import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import type { OnTimeReport } from './domain/on-time-report';
import { OnTimeReportQueryDto } from './report.dto';
import { ReportsService } from './reports.service';
import { OnTimeReportView } from './report.dto';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ApiOkResponse({ type: OnTimeReportView })
  @Get('on-time')
  @Roles('dispatcher', 'ops-manager', 'aftersales-lead')
  onTime(@Query() query: OnTimeReportQueryDto): Promise<OnTimeReport> {
    return this.reports.onTime(query);
  }
}
