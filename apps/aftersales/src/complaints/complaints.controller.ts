import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import {
  AssessDto,
  AssignDto,
  ComplaintListQuery,
  ComplaintView,
  CustomerAnswerDto,
  InvestigateDto,
  NoteDto,
  NotifyDto,
  OptionalNoteDto,
  RecordComplaintDto,
  ResolutionDto,
  RewardDto,
} from './complaint.dto';
import { ComplaintsService } from './complaints.service';

const STAFF = ['aftersales', 'aftersales-lead'] as const;

@ApiTags('complaints')
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @ApiCreatedResponse({ type: ComplaintView })
  @Post()
  @Roles('canteen', ...STAFF)
  record(@Body() dto: RecordComplaintDto, @CurrentCaller() caller: Caller): Promise<ComplaintView> {
    return this.complaints.record(dto, caller);
  }

  @ApiOkResponse({ type: [ComplaintView] })
  @Get()
  @Roles('canteen', ...STAFF)
  list(
    @Query() query: ComplaintListQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView[]> {
    return this.complaints.list(query, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Get(':id')
  @Roles('canteen', ...STAFF)
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<ComplaintView> {
    return this.complaints.get(id, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/contact')
  @HttpCode(200)
  @Roles(...STAFF)
  contact(
    @Param('id') id: string,
    @Body() dto: NoteDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.apply(id, { type: 'record-contact', note: dto.note }, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/assessment')
  @HttpCode(200)
  @Roles(...STAFF)
  assess(
    @Param('id') id: string,
    @Body() dto: AssessDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    const command = dto.valid
      ? {
          type: 'assess' as const,
          valid: true as const,
          ...(dto.note !== undefined && { note: dto.note }),
        }
      : { type: 'assess' as const, valid: false as const, reason: dto.reason ?? '' };
    return this.complaints.apply(id, command, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/assignment')
  @HttpCode(200)
  @Roles(...STAFF)
  assign(
    @Param('id') id: string,
    @Body() dto: AssignDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.assign(id, dto, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/supervisor-check')
  @HttpCode(200)
  @Roles('aftersales-lead')
  supervisorCheck(
    @Param('id') id: string,
    @Body() dto: NoteDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.apply(id, { type: 'supervisor-check', note: dto.note }, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/investigation')
  @HttpCode(200)
  @Roles(...STAFF)
  investigate(
    @Param('id') id: string,
    @Body() dto: InvestigateDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.apply(id, { type: 'investigate', ...dto }, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/resolution')
  @HttpCode(200)
  @Roles(...STAFF)
  propose(
    @Param('id') id: string,
    @Body() dto: ResolutionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.apply(
      id,
      { type: 'propose-resolution', resolution: dto.resolution },
      caller,
    );
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/approval')
  @HttpCode(200)
  @Roles(...STAFF)
  approve(
    @Param('id') id: string,
    @Body() dto: OptionalNoteDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.apply(
      id,
      { type: 'approve', ...(dto.note !== undefined && { note: dto.note }) },
      caller,
    );
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/customer-notification')
  @HttpCode(200)
  @Roles(...STAFF)
  notify(
    @Param('id') id: string,
    @Body() dto: NotifyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.apply(id, { type: 'notify-customer', message: dto.message }, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/customer-answer')
  @HttpCode(200)
  @Roles('canteen', ...STAFF)
  answer(
    @Param('id') id: string,
    @Body() dto: CustomerAnswerDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.apply(id, { type: 'record-customer-answer', ...dto }, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/improvement-note')
  @HttpCode(200)
  @Roles(...STAFF)
  improve(
    @Param('id') id: string,
    @Body() dto: NoteDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.apply(id, { type: 'add-improvement-note', note: dto.note }, caller);
  }

  @ApiOkResponse({ type: ComplaintView })
  @Post(':id/reward')
  @HttpCode(200)
  @Roles(...STAFF)
  reward(
    @Param('id') id: string,
    @Body() dto: RewardDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ComplaintView> {
    return this.complaints.apply(id, { type: 'mark-for-reward', reason: dto.reason }, caller);
  }
}
