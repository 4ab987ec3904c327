import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, DomainError, Roles } from '@app/common';
import {
  AssignDriverDto,
  DeliverDto,
  DriverStepDto,
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

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: "The phone's key for this step: a resend with it answers, never applies twice",
};

/** 1–100 printable characters, or none. */
function idempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,100}$/.test(key)) {
    throw new DomainError(
      'VALIDATION.FAILED',
      'Idempotency-Key: 1–100 printable characters',
      'invalid',
      [{ field: 'Idempotency-Key', reason: '1–100 printable characters' }],
    );
  }
  return key;
}

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
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: DriverStepDto, required: false })
  pickUp(
    @Param('id') id: string,
    @Body() dto: DriverStepDto,
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key?: string,
  ): Promise<DeliveryView> {
    return this.deliveries.pickUp(id, dto, caller, idempotencyKey(key));
  }

  @ApiOkResponse({ type: DeliveryView })
  @Post(':id/check-in')
  @HttpCode(200)
  @Roles('driver')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: DriverStepDto, required: false })
  arrive(
    @Param('id') id: string,
    @Body() dto: DriverStepDto,
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key?: string,
  ): Promise<DeliveryView> {
    return this.deliveries.arrive(id, dto, caller, idempotencyKey(key));
  }

  @ApiOkResponse({ type: DeliveryView })
  @Post(':id/delivered')
  @HttpCode(200)
  @Roles('driver')
  @ApiHeader(IDEMPOTENCY_HEADER)
  deliver(
    @Param('id') id: string,
    @Body() dto: DeliverDto,
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key?: string,
  ): Promise<DeliveryView> {
    return this.deliveries.deliver(id, dto, caller, idempotencyKey(key));
  }

  @ApiOkResponse({ type: DeliveryView })
  @Post(':id/check-out')
  @HttpCode(200)
  @Roles('driver')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: DriverStepDto, required: false })
  depart(
    @Param('id') id: string,
    @Body() dto: DriverStepDto,
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') key?: string,
  ): Promise<DeliveryView> {
    return this.deliveries.depart(id, dto, caller, idempotencyKey(key));
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
