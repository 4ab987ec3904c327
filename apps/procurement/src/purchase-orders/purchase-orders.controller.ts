import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { ReasonDto } from '../price-surveys/price-survey.dto';
import { STAFF } from '../shared/staff-roles';
import { CreatePurchaseOrderDto, PurchaseOrderView } from './purchase-order.dto';
import { PurchaseOrdersService } from './purchase-orders.service';

@ApiTags('purchase orders')
@Controller('purchase-orders')
export class PurchaseOrdersController {
  constructor(private readonly orders: PurchaseOrdersService) {}

  @ApiCreatedResponse({ type: PurchaseOrderView })
  @Post()
  @Roles('buyer')
  create(
    @Body() dto: CreatePurchaseOrderDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PurchaseOrderView> {
    return this.orders.create(dto, caller);
  }

  @ApiCreatedResponse({ type: PurchaseOrderView })
  @Post(':id/close')
  @Roles('buyer')
  close(
    @Param('id') id: string,
    @Body() dto: ReasonDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PurchaseOrderView> {
    return this.orders.close(id, dto.reason, caller);
  }

  @ApiOkResponse({ type: [PurchaseOrderView] })
  @Get()
  @Roles(...STAFF, 'supplier')
  @ApiQuery({ name: 'week', required: false })
  list(
    @CurrentCaller() caller: Caller,
    @Query('week') week?: string,
  ): Promise<PurchaseOrderView[]> {
    return this.orders.list(caller, week);
  }

  @ApiOkResponse({ type: PurchaseOrderView })
  @Get(':id')
  @Roles(...STAFF, 'supplier')
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<PurchaseOrderView> {
    return this.orders.get(id, caller);
  }
}
