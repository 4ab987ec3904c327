import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { STAFF } from '../shared/staff-roles';
import { SettingsView, UpdateSettingsDto } from './settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @ApiOkResponse({ type: SettingsView })
  @Get()
  @Roles(...STAFF)
  get(): Promise<SettingsView> {
    return this.settings.get();
  }

  @ApiOkResponse({ type: SettingsView })
  @Put()
  @Roles('ops-manager')
  update(@Body() dto: UpdateSettingsDto): Promise<SettingsView> {
    return this.settings.update(dto);
  }
}
