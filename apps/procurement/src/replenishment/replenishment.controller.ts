import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { ReplenishmentSuggestion } from './domain/replenishment';
import { ReplenishmentService } from './replenishment.service';

@ApiTags('replenishment')
@Controller('replenishment')
export class ReplenishmentController {
  constructor(private readonly replenishment: ReplenishmentService) {}

  @Get()
  @Roles('buyer', 'ops-manager', 'warehouse')
  suggestions(): Promise<ReplenishmentSuggestion[]> {
    return this.replenishment.suggestions();
  }
}
