import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { InspectReturnedGoodsDto, ReturnedGoodsView } from './returned-goods.dto';
import { ReturnedGoodsService } from './returned-goods.service';

@ApiTags('returned goods')
@Controller('returned-goods')
export class ReturnedGoodsController {
  constructor(private readonly returns: ReturnedGoodsService) {}

  @Get()
  @Roles('warehouse', 'chef', 'ops-manager', 'buyer')
  @ApiQuery({ name: 'status', required: false })
  list(@Query('status') status?: string): Promise<ReturnedGoodsView[]> {
    return this.returns.list(status);
  }

  @Get(':returnId')
  @Roles('warehouse', 'chef', 'ops-manager', 'buyer')
  get(@Param('returnId') returnId: string): Promise<ReturnedGoodsView> {
    return this.returns.get(returnId);
  }

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
