import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseEnumPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import type { OrderStatus } from './domain/order';
import { OrderRequestDto, OrderView } from './order.dto';
import { OrdersService } from './orders.service';

const STATUS_VALUES = {
  placed: 'placed',
  confirmed: 'confirmed',
  backordered: 'backordered',
  dispatched: 'dispatched',
  delivered: 'delivered',
  'partially-delivered': 'partially-delivered',
  cancelled: 'cancelled',
} as const;

/** Staff who follow orders; a canteen sees only its own. */
const READERS = [
  'canteen',
  'ops-manager',
  'chef',
  'buyer',
  'warehouse',
  'dispatcher',
  'aftersales',
  'aftersales-lead',
] as const;

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @ApiCreatedResponse({ type: OrderView })
  @Post()
  @Roles('canteen')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'R-ORD-5: same key → same order',
  })
  place(
    @Body() dto: OrderRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<OrderView> {
    return this.orders.place(dto, key, caller);
  }

  @ApiOkResponse({ type: [OrderView] })
  @Get()
  @Roles(...READERS)
  @ApiQuery({ name: 'status', required: false, enum: Object.values(STATUS_VALUES) })
  @ApiQuery({
    name: 'canteenId',
    required: false,
    description: 'staff only; a canteen always sees its own',
  })
  list(
    @CurrentCaller() caller: Caller,
    @Query('status', new ParseEnumPipe(STATUS_VALUES, { optional: true })) status?: OrderStatus,
    @Query('canteenId') canteenId?: string,
  ): Promise<OrderView[]> {
    return this.orders.list(caller, { status, canteenId });
  }

  @ApiOkResponse({ type: OrderView })
  @Get(':id')
  @Roles(...READERS)
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<OrderView> {
    return this.orders.get(id, caller);
  }

  @ApiOkResponse({ type: OrderView })
  @Put(':id')
  @Roles('canteen')
  change(
    @Param('id') id: string,
    @Body() dto: OrderRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrderView> {
    return this.orders.change(id, dto, caller);
  }

  @ApiOkResponse({ type: OrderView })
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('canteen')
  cancel(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<OrderView> {
    return this.orders.cancel(id, caller);
  }
}
