import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { STAFF } from '../shared/staff-roles';
import { RegisterSupplierDto, SupplierSkusDto, SupplierView } from './supplier.dto';
import { SuppliersService } from './suppliers.service';

@ApiTags('suppliers')
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Post()
  @Roles('buyer')
  register(
    @Body() dto: RegisterSupplierDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SupplierView> {
    return this.suppliers.register(dto, caller);
  }

  @Put(':id/skus')
  @Roles('buyer')
  updateSkus(@Param('id') id: string, @Body() dto: SupplierSkusDto): Promise<SupplierView> {
    return this.suppliers.updateSkus(id, dto.skus);
  }

  @Get()
  @Roles(...STAFF, 'supplier')
  list(@CurrentCaller() caller: Caller): Promise<SupplierView[]> {
    return this.suppliers.list(caller);
  }

  @Get(':id')
  @Roles(...STAFF, 'supplier')
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<SupplierView> {
    return this.suppliers.get(id, caller);
  }
}
