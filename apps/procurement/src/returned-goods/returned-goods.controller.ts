import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { InspectReturnedGoodsDto, ReturnedGoodsView } from './returned-goods.dto';
import { ReturnedGoodsService } from './returned-goods.service';

@ApiTags('returned goods')
@Controller('returned-goods')
export class ReturnedGoodsController {
  constructor(private readonly returns: ReturnedGoodsService) {}

  @ApiOkResponse({ type: [ReturnedGoodsView] })
  @Get()
  @Roles('warehouse', 'chef', 'ops-manager', 'buyer')
  @ApiQuery({ name: 'status', required: false })
  list(@Query('status') status?: string): Promise<ReturnedGoodsView[]> {
    return this.returns.list(status);
  }

  @ApiOkResponse({ type: ReturnedGoodsView })
  @Get(':returnId')
  @Roles('warehouse', 'chef', 'ops-manager', 'buyer')
  get(@Param('returnId') returnId: string): Promise<ReturnedGoodsView> {
    return this.returns.get(returnId);
  }

  @ApiCreatedResponse({ type: ReturnedGoodsView })
  @Post(':returnId/inspect')
  @Roles('warehouse')
  inspect(
    @Param('returnId') returnId: string,
    @Body() dto: InspectReturnedGoodsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReturnedGoodsView> {
    return this.returns.inspect(returnId, dto, caller);
  }
}
