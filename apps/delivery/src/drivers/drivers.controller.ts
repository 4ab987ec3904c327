import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { DriverView, RegisterDriverDto, UpdateDriverDto } from './driver.dto';
import { DriversService } from './drivers.service';

@ApiTags('drivers')
@Controller('drivers')
export class DriversController {
  constructor(private readonly drivers: DriversService) {}

  @ApiCreatedResponse({ type: DriverView })
  @Post()
  @Roles('dispatcher')
  register(@Body() dto: RegisterDriverDto): Promise<DriverView> {
    return this.drivers.register(dto);
  }

  @ApiOkResponse({ type: DriverView })
  @Patch(':id')
  @Roles('dispatcher')
  update(@Param('id') id: string, @Body() dto: UpdateDriverDto): Promise<DriverView> {
    return this.drivers.update(id, dto);
  }

  @ApiOkResponse({ type: [DriverView] })
  @Get()
  @Roles('dispatcher', 'ops-manager')
  list(): Promise<DriverView[]> {
    return this.drivers.list();
  }

  @ApiOkResponse({ type: DriverView })
  @Get(':id')
  @Roles('dispatcher', 'ops-manager')
  get(@Param('id') id: string): Promise<DriverView> {
    return this.drivers.get(id);
  }
}
