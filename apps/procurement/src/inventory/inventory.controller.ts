import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { STAFF } from '../shared/staff-roles';
import { LedgerEntry } from './domain/stock-ledger';
import {
  LotQueryDto,
  LotView,
  ReservationView,
  ReturnToSupplierDto,
  StockView,
  WriteOffDto,
} from './inventory.dto';
import { InventoryService } from './inventory.service';

@ApiTags('inventory')
@Controller()
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @Get('lots')
  @Roles(...STAFF)
  lots(@Query() query: LotQueryDto): Promise<LotView[]> {
    return this.inventory.lotsList(query);
  }

  @Get('stock')
  @Roles(...STAFF)
  stock(): Promise<StockView[]> {
    return this.inventory.stock();
  }

  @Get('ledger')
  @Roles(...STAFF)
  @ApiQuery({ name: 'sku', required: false })
  ledger(@Query('sku') sku?: string): Promise<LedgerEntry[]> {
    return this.inventory.ledger(sku);
  }

  @Post('lots/:lotId/write-off')
  @Roles('warehouse')
  writeOff(
    @Param('lotId') lotId: string,
    @Body() dto: WriteOffDto,
    @CurrentCaller() caller: Caller,
  ): Promise<LotView> {
    return this.inventory.writeOff(lotId, dto.reason, caller);
  }

  @Post('lots/:lotId/return-to-supplier')
  @Roles('warehouse')
  returnToSupplier(
    @Param('lotId') lotId: string,
    @Body() dto: ReturnToSupplierDto,
    @CurrentCaller() caller: Caller,
  ): Promise<LotView> {
    return this.inventory.returnToSupplier(lotId, dto, caller);
  }

  @Get('reservations/:orderId')
  @Roles(...STAFF)
  reservation(@Param('orderId') orderId: string): Promise<ReservationView> {
    return this.inventory.reservation(orderId);
  }

  @Get('shortages')
  @Roles(...STAFF)
  shortages(): Promise<{ sku: string; quantity: number; orders: number }[]> {
    return this.inventory.shortages();
  }
}
