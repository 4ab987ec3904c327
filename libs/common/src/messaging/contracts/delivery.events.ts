/** Events published by the delivery service. */
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';

export const REJECTION_REASONS = [
  'short',
  'damaged',
  'spoiled',
  'wrong-spec',
  'temperature',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

class DeliveryRef {
  @IsString() deliveryId!: string;
  @IsString() orderId!: string;
  @IsString() canteenId!: string;
  @IsISO8601() deadline!: string;
}

export class DeliveryScheduled extends DeliveryRef {}

export class DeliveryDispatched extends DeliveryRef {
  @IsString() driverId!: string;
  @IsISO8601() pickedUpAt!: string;
}

export class DeliveryAtRisk extends DeliveryRef {
  @IsIn(['not-dispatched', 'on-the-road']) reason!: 'not-dispatched' | 'on-the-road';
  @IsISO8601() detectedAt!: string;
}

export class DeliveryBreached extends DeliveryRef {
  @IsOptional() @IsString() driverId?: string;
  @IsOptional() @IsString() dispatcherId?: string;
  @IsISO8601() detectedAt!: string;
  @IsOptional() @IsISO8601() deliveredAt?: string;
}

export class DeliveryBreachWaived extends DeliveryRef {
  @IsString() cause!: string;
  @IsString() proofRef!: string;
  @IsISO8601() newDeadline!: string;
}

export class DeliveredLine {
  @IsString() lineId!: string;
  @IsIn(['dish', 'ingredient']) kind!: 'dish' | 'ingredient';
  @IsString() itemId!: string;
  @IsString() name!: string;
  @IsInt() @Min(0) orderedQuantity!: number;
  @IsInt() @Min(0) acceptedQuantity!: number;
  @IsInt() @Min(0) rejectedQuantity!: number;
  @IsOptional() @IsIn(REJECTION_REASONS) rejectionReason?: RejectionReason;
}

export class DeliveryCompleted extends DeliveryRef {
  @IsString() driverId!: string;
  @IsISO8601() deliveredAt!: string;
  @IsBoolean() onTime!: boolean;
  @IsString() receiverName!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DeliveredLine) lines!: DeliveredLine[];
}

/** R-DEL-7: the driver left before the agreed service end. */
export class DriverLeftEarly extends DeliveryRef {
  @IsString() driverId!: string;
  @IsISO8601() departedAt!: string;
  @IsISO8601() serviceEndsAt!: string;
}
