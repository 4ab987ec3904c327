import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { CanteenStatementView } from './statement.dto';
import { StatementsService } from './statements.service';

@ApiTags('statements')
@Controller('canteens/:canteenId/statements')
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @ApiOkResponse({ type: CanteenStatementView })
  @Get(':month')
  @Roles('canteen', 'ops-manager', 'cost-accountant', 'aftersales-lead')
  get(
    @Param('canteenId') canteenId: string,
    @Param('month') month: string,
    @CurrentCaller() caller: Caller,
  ): Promise<CanteenStatementView> {
    return this.statements.statementOf(canteenId, month, caller);
  }
}
