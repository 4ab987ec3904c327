import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { STAFF } from '../shared/staff-roles';
import { RegisterSupplierDto, SupplierSkusDto, SupplierView } from './supplier.dto';
import { SuppliersService } from './suppliers.service';

@ApiTags('suppliers')
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @ApiCreatedResponse({ type: SupplierView })
  @Post()
  @Roles('buyer')
  register(
    @Body() dto: RegisterSupplierDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SupplierView> {
    return this.suppliers.register(dto, caller);
  }

  @ApiOkResponse({ type: SupplierView })
  @Put(':id/skus')
  @Roles('buyer')
  updateSkus(@Param('id') id: string, @Body() dto: SupplierSkusDto): Promise<SupplierView> {
    return this.suppliers.updateSkus(id, dto.skus);
  }

  @ApiOkResponse({ type: [SupplierView] })
  @Get()
  @Roles(...STAFF, 'supplier')
  list(@CurrentCaller() caller: Caller): Promise<SupplierView[]> {
    return this.suppliers.list(caller);
  }

  @ApiOkResponse({ type: SupplierView })
  @Get(':id')
  @Roles(...STAFF, 'supplier')
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<SupplierView> {
    return this.suppliers.get(id, caller);
  }
}
