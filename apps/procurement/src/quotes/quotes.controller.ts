import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { ReasonDto } from '../price-surveys/price-survey.dto';
import { STAFF } from '../shared/staff-roles';
import {
  JustifyDto,
  QuoteView,
  ReopenRoundDto,
  RoundView,
  SubmitQuoteDto,
  VerifyQuoteDto,
} from './quote.dto';
import { QuotesService } from './quotes.service';

@ApiTags('quotes')
@Controller()
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @ApiOkResponse({ type: QuoteView })
  @Put('quotes/:week')
  @Roles('supplier')
  submit(
    @Param('week') week: string,
    @Body() dto: SubmitQuoteDto,
    @CurrentCaller() caller: Caller,
  ): Promise<QuoteView> {
    return this.quotes.submit(week, dto, caller);
  }

  @ApiOkResponse({ type: [QuoteView] })
  @Get('quotes')
  @Roles(...STAFF, 'supplier')
  @ApiQuery({ name: 'week', required: false })
  list(
    @Query('week') week: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<QuoteView[]> {
    return this.quotes.list(week, caller);
  }

  @ApiOkResponse({ type: QuoteView })
  @Get('quotes/:week/:supplierId')
  @Roles(...STAFF, 'supplier')
  get(
    @Param('week') week: string,
    @Param('supplierId') supplierId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<QuoteView> {
    return this.quotes.get(week, supplierId, caller);
  }

  @ApiCreatedResponse({ type: QuoteView })
  @Post('quotes/:week/:supplierId/verify')
  @Roles('cost-accountant')
  verify(
    @Param('week') week: string,
    @Param('supplierId') supplierId: string,
    @Body() dto: VerifyQuoteDto,
    @CurrentCaller() caller: Caller,
  ): Promise<QuoteView> {
    return this.quotes.verify(week, supplierId, dto, caller);
  }

  @ApiCreatedResponse({ type: QuoteView })
  @Post('quotes/:week/:supplierId/justify')
  @Roles('cost-accountant')
  justify(
    @Param('week') week: string,
    @Param('supplierId') supplierId: string,
    @Body() dto: JustifyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<QuoteView> {
    return this.quotes.justify(week, supplierId, dto.sku, dto.justification, caller);
  }

  @ApiCreatedResponse({ type: QuoteView })
  @Post('quotes/:week/:supplierId/approve')
  @Roles('ops-manager')
  approve(
    @Param('week') week: string,
    @Param('supplierId') supplierId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<QuoteView> {
    return this.quotes.approve(week, supplierId, caller);
  }

  @ApiCreatedResponse({ type: QuoteView })
  @Post('quotes/:week/:supplierId/reject')
  @Roles('ops-manager')
  reject(
    @Param('week') week: string,
    @Param('supplierId') supplierId: string,
    @Body() dto: ReasonDto,
    @CurrentCaller() caller: Caller,
  ): Promise<QuoteView> {
    return this.quotes.reject(week, supplierId, dto.reason, caller);
  }

  @ApiCreatedResponse({ type: RoundView })
  @Post('price-rounds/:week/reopen')
  @Roles('ops-manager')
  reopen(
    @Param('week') week: string,
    @Body() dto: ReopenRoundDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RoundView> {
    return this.quotes.reopen(week, dto, caller);
  }

  @ApiOkResponse({ type: RoundView })
  @Get('price-rounds/:week')
  @Roles(...STAFF, 'supplier')
  round(@Param('week') week: string): Promise<RoundView> {
    return this.quotes.round(week);
  }
}
