import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { ReplenishmentSuggestion } from './domain/replenishment';
import { ReplenishmentService } from './replenishment.service';
import { ReplenishmentSuggestionView } from './replenishment.dto';

@ApiTags('replenishment')
@Controller('replenishment')
export class ReplenishmentController {
  constructor(private readonly replenishment: ReplenishmentService) {}

  @ApiOkResponse({ type: [ReplenishmentSuggestionView] })
  @Get()
  @Roles('buyer', 'ops-manager', 'warehouse')
  suggestions(): Promise<ReplenishmentSuggestion[]> {
    return this.replenishment.suggestions();
  }
}
