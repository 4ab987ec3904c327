import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { STAFF } from '../shared/staff-roles';
import { GoodsReceiptView, RecordReceiptDto } from './goods-receipt.dto';
import { GoodsReceiptsService } from './goods-receipts.service';

@ApiTags('goods receipts')
@Controller()
export class GoodsReceiptsController {
  constructor(private readonly receipts: GoodsReceiptsService) {}

  @ApiCreatedResponse({ type: GoodsReceiptView })
  @Post('purchase-orders/:id/receipts')
  @Roles('chef', 'warehouse')
  record(
    @Param('id') id: string,
    @Body() dto: RecordReceiptDto,
    @CurrentCaller() caller: Caller,
  ): Promise<GoodsReceiptView> {
    return this.receipts.record(id, dto, caller);
  }

  @ApiCreatedResponse({ type: GoodsReceiptView })
  @Post('goods-receipts/:id/sign')
  @Roles('chef', 'warehouse')
  sign(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<GoodsReceiptView> {
    return this.receipts.sign(id, caller);
  }

  @ApiOkResponse({ type: GoodsReceiptView })
  @Get('goods-receipts/:id')
  @Roles(...STAFF)
  get(@Param('id') id: string): Promise<GoodsReceiptView> {
    return this.receipts.get(id);
  }
}
