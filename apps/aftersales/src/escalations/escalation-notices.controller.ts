import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { EscalationNoticeQuery, EscalationNoticeView } from './escalation.dto';
import { EscalationNoticesService } from './escalation-notices.service';

@ApiTags('escalations')
@Controller('escalation-notices')
export class EscalationNoticesController {
  constructor(private readonly notices: EscalationNoticesService) {}

  /** R-AS-4: escalations pushed to the aftersales-lead, with their webhook status. */
  @ApiOkResponse({ type: [EscalationNoticeView] })
  @Get()
  @Roles('aftersales', 'aftersales-lead')
  list(@Query() query: EscalationNoticeQuery): Promise<EscalationNoticeView[]> {
    return this.notices.list(query);
  }
}
