import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BodyMayBeOmitted, REJECTION_REASONS, type RejectionReason } from '@app/common';
import { DELIVERY_STATUSES, FORCE_MAJEURE_CAUSES, type DeliveryStatus } from './domain/delivery';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AssignDriverDto {
  @ApiProperty({ example: 'driver-zhang' }) @IsString() @IsNotEmpty() driverId!: string;

  @ApiPropertyOptional({
    description:
      'R-DEL-7: service end agreed with the canteen; default is its receiving window end',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  agreedServiceEnd?: string;
}

export class LineCountDto {
  @ApiProperty() @IsString() @IsNotEmpty() lineId!: string;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) acceptedQuantity!: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) rejectedQuantity!: number;

  @ApiPropertyOptional({
    enum: REJECTION_REASONS,
    description: 'Required when rejectedQuantity > 0',
  })
  @IsOptional()
  @IsIn(REJECTION_REASONS)
  rejectionReason?: RejectionReason;
}

export class ProofDto {
  @ApiProperty({ example: '王芳' }) @IsString() @MaxLength(100) receiverName!: string;
  @ApiProperty({ description: 'When the receiver signed' })
  @IsISO8601({ strict: true })
  receivedAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) signatureRef?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) photoRef?: string;
  @ApiPropertyOptional({ description: 'Temperature reading at handover, °C' })
  @IsOptional()
  @IsNumber()
  temperatureCelsius?: number;
}

export class DeliverDto {
  @ApiProperty({ type: [LineCountDto], description: 'Every line, counted once' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LineCountDto)
  lines!: LineCountDto[];

  @ApiProperty({ type: ProofDto, description: 'Required: a delivery without proof is refused' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProofDto)
  proof?: ProofDto;

  @ApiPropertyOptional({
    description:
      'When the driver recorded the confirmation, if sent later (offline): not in the future, ' +
      'not more than 24 h ago, not before arrival; becomes the delivery time',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  recordedAt?: string;
}

/** Pickup, check-in and check-out: the time the driver tapped, when the phone sends it later. */
@BodyMayBeOmitted()
export class DriverStepDto {
  @ApiPropertyOptional({
    description:
      'When the driver recorded the step on the phone, if sent later (offline): not in the ' +
      'future, not more than 24 h ago, not before the previous step; becomes the step time',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  recordedAt?: string;
}

export class ForceMajeureDto {
  @ApiProperty({ enum: FORCE_MAJEURE_CAUSES }) @IsString() cause!: string;
  @ApiPropertyOptional({ description: 'Required for cause other' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
  @ApiProperty({ description: 'Reference of the proof document' })
  @IsString()
  @MaxLength(500)
  proofRef!: string;
  @ApiProperty({ description: 'When the event happened; must be at most 3 days ago' })
  @IsISO8601({ strict: true })
  occurredAt!: string;
  @ApiPropertyOptional({ description: 'When the canteen was notified; required to waive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  canteenNotifiedAt?: string;
  @ApiProperty({ description: 'The new delivery time; becomes the deadline' })
  @IsISO8601({ strict: true })
  newDeliveryTime!: string;
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() canteenId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() driverId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() orderId?: string;
  @ApiPropertyOptional({ description: 'Deadline on or after this Shanghai date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ description: 'Deadline on or before this Shanghai date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}

export class DeliveryView {
  @ApiProperty() id!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() deadline!: Date;
  @ApiProperty({ enum: ['requested-time', 'within-24h', 'meal-start', 'need-by', 'force-majeure'] })
  deadlineBasis!: string;
  @ApiProperty({ type: [Object] }) lines!: object[];
  @ApiPropertyOptional() destination?: object;
  @ApiPropertyOptional() driverId?: string;
  @ApiPropertyOptional() replacementForExchangeId?: string;
  @ApiPropertyOptional() pickedUpAt?: Date;
  @ApiPropertyOptional() arrivedAt?: Date;
  @ApiPropertyOptional() serviceEndsAt?: Date;
  @ApiPropertyOptional({ description: 'The time the driver recorded, or the server time' })
  deliveredAt?: Date;
  @ApiPropertyOptional({ description: 'The confirmation arrived more than 5 min after recording' })
  sentLate?: boolean;
  @ApiPropertyOptional() confirmationReceivedAt?: Date;
  @ApiPropertyOptional() departedAt?: Date;
  @ApiPropertyOptional() leftEarly?: boolean;
  @ApiPropertyOptional({ type: [Object] }) acceptance?: object[];
  @ApiPropertyOptional() proof?: object;
  @ApiPropertyOptional() atRiskNotifiedAt?: Date;
  @ApiProperty({ type: [Object] }) breaches!: object[];
  @ApiProperty({ type: [Object] }) forceMajeure!: object[];
}
