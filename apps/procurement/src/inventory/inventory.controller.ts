import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { STAFF } from '../shared/staff-roles';
import { LedgerEntry } from './domain/stock-ledger';
import {
  LedgerEntryView,
  LotQueryDto,
  LotView,
  ReservationView,
  ReturnToSupplierDto,
  ShortageView,
  StockView,
  WriteOffDto,
} from './inventory.dto';
import { InventoryService } from './inventory.service';

@ApiTags('inventory')
@Controller()
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @ApiOkResponse({ type: [LotView] })
  @Get('lots')
  @Roles(...STAFF)
  lots(@Query() query: LotQueryDto): Promise<LotView[]> {
    return this.inventory.lotsList(query);
  }

  @ApiOkResponse({ type: [StockView] })
  @Get('stock')
  @Roles(...STAFF)
  stock(): Promise<StockView[]> {
    return this.inventory.stock();
  }

  @ApiOkResponse({ type: [LedgerEntryView] })
  @Get('ledger')
  @Roles(...STAFF)
  @ApiQuery({ name: 'sku', required: false })
  ledger(@Query('sku') sku?: string): Promise<LedgerEntry[]> {
    return this.inventory.ledger(sku);
  }

  @ApiCreatedResponse({ type: LotView })
  @Post('lots/:lotId/write-off')
  @Roles('warehouse')
  writeOff(
    @Param('lotId') lotId: string,
    @Body() dto: WriteOffDto,
    @CurrentCaller() caller: Caller,
  ): Promise<LotView> {
    return this.inventory.writeOff(lotId, dto.reason, caller);
  }

  @ApiCreatedResponse({ type: LotView })
  @Post('lots/:lotId/return-to-supplier')
  @Roles('warehouse')
  returnToSupplier(
    @Param('lotId') lotId: string,
    @Body() dto: ReturnToSupplierDto,
    @CurrentCaller() caller: Caller,
  ): Promise<LotView> {
    return this.inventory.returnToSupplier(lotId, dto, caller);
  }

  @ApiOkResponse({ type: ReservationView })
  @Get('reservations/:orderId')
  @Roles(...STAFF)
  reservation(@Param('orderId') orderId: string): Promise<ReservationView> {
    return this.inventory.reservation(orderId);
  }

  @ApiOkResponse({ type: [ShortageView] })
  @Get('shortages')
  @Roles(...STAFF)
  shortages(): Promise<{ sku: string; quantity: number; orders: number }[]> {
    return this.inventory.shortages();
  }
}
