import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import {
  AssignDriverDto,
  DeliverDto,
  DeliveryQueryDto,
  DeliveryView,
  ForceMajeureDto,
} from './delivery.dto';
import { DeliveriesService } from './deliveries.service';

const READERS = [
  'dispatcher',
  'ops-manager',
  'aftersales',
  'aftersales-lead',
  'canteen',
  'driver',
] as const;

@ApiTags('deliveries')
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @ApiOkResponse({ type: [DeliveryView] })
  @Get()
  @Roles(...READERS)
  list(@Query() query: DeliveryQueryDto, @CurrentCaller() caller: Caller): Promise<DeliveryView[]> {
    return this.deliveries.list(query, caller);
  }

  @ApiOkResponse({ type: DeliveryView })
  @Get(':id')
  @Roles(...READERS)
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<DeliveryView> {
    return this.deliveries.get(id, caller);
  }

  @ApiOkResponse({ type: DeliveryView })
  @Post(':id/assignment')
  @HttpCode(200)
  @Roles('dispatcher')
  assign(
    @Param('id') id: string,
    @Body() dto: AssignDriverDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DeliveryView> {
    return this.deliveries.assign(id, dto, caller);
  }

  @ApiOkResponse({ type: DeliveryView })
  @Post(':id/pickup')
  @HttpCode(200)
  @Roles('driver')
  pickUp(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<DeliveryView> {
    return this.deliveries.pickUp(id, caller);
  }

  @ApiOkResponse({ type: DeliveryView })
  @Post(':id/check-in')
  @HttpCode(200)
  @Roles('driver')
  arrive(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<DeliveryView> {
    return this.deliveries.arrive(id, caller);
  }

  @ApiOkResponse({ type: DeliveryView })
  @Post(':id/delivered')
  @HttpCode(200)
  @Roles('driver')
  deliver(
    @Param('id') id: string,
    @Body() dto: DeliverDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DeliveryView> {
    return this.deliveries.deliver(id, dto, caller);
  }

  @ApiOkResponse({ type: DeliveryView })
  @Post(':id/check-out')
  @HttpCode(200)
  @Roles('driver')
  depart(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<DeliveryView> {
    return this.deliveries.depart(id, caller);
  }

  @ApiOkResponse({ type: DeliveryView })
  @Post(':id/force-majeure')
  @HttpCode(200)
  @Roles('dispatcher')
  forceMajeure(
    @Param('id') id: string,
    @Body() dto: ForceMajeureDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DeliveryView> {
    return this.deliveries.recordForceMajeure(id, dto, caller);
  }
}
