import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { SettlementService, StatementView } from './settlement.service';
import { SupplierStatementView } from './settlement.dto';

@ApiTags('settlement')
@Controller('suppliers/:supplierId/statements')
export class SettlementController {
  constructor(private readonly settlement: SettlementService) {}

  @ApiOkResponse({ type: SupplierStatementView })
  @Get(':month')
  @Roles('buyer', 'ops-manager', 'cost-accountant', 'supplier')
  statement(
    @Param('supplierId') supplierId: string,
    @Param('month') month: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StatementView> {
    return this.settlement.statement(supplierId, month, caller);
  }
}
