import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { CanteenView, RegisterCanteenDto } from './canteen.dto';
import { CanteensService } from './canteens.service';

@ApiTags('canteens')
@Controller('canteens')
export class CanteensController {
  constructor(private readonly canteens: CanteensService) {}

  @Post()
  @Roles('ops-manager')
  register(@Body() dto: RegisterCanteenDto, @CurrentCaller() caller: Caller): Promise<CanteenView> {
    return this.canteens.register(dto, caller);
  }

  @Get()
  @Roles('ops-manager', 'chef', 'canteen')
  list(@CurrentCaller() caller: Caller): Promise<CanteenView[]> {
    return this.canteens.list(caller);
  }

  @Get(':id')
  @Roles('ops-manager', 'chef', 'canteen')
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<CanteenView> {
    return this.canteens.get(id, caller);
  }
}
