import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { MOVE_KINDS } from './domain/lot';

export class LotQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() sku?: string;
  @ApiPropertyOptional({ enum: ['available', 'quarantined', 'written-off'] })
  @IsOptional()
  @IsIn(['available', 'quarantined', 'written-off'])
  status?: string;
}

export class WriteOffDto {
  @ApiProperty({ example: 'expired' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class ReturnToSupplierDto {
  @ApiProperty({ example: 2000 }) @IsInt() @Min(1) quantity!: number;
  @ApiProperty({ example: 'off-spec found when opening the crate' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class LotView {
  @ApiProperty() lotId!: string;
  @ApiProperty() sku!: string;
  @ApiPropertyOptional() supplierId?: string;
  @ApiPropertyOptional() purchaseOrderId?: string;
  @ApiPropertyOptional() returnId?: string;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty() quantityReceived!: number;
  @ApiProperty() onHand!: number;
  @ApiProperty() available!: number;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'past its best-before now, whether or not the sweep quarantined it' })
  expired!: boolean;
}

export class StockView {
  @ApiProperty() sku!: string;
  @ApiProperty() onHand!: number;
  @ApiProperty({ description: 'unreserved and not past its best-before now (R-INV-2)' })
  available!: number;
  @ApiProperty({ description: 'on hand in lots past their best-before, until written off' })
  expired!: number;
}

export class ReservationView {
  @ApiProperty() orderId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ enum: ['pending', 'confirmed', 'backordered', 'released', 'issued'] })
  status!: string;
  @ApiPropertyOptional() placedAt?: Date;
  @ApiPropertyOptional({ description: 'lots must still be good at this time (delivery / meal)' })
  usableUntil?: Date;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) demand!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) allocations!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) missing!: object[];
}

/** One move of the R-INV-4 ledger (domain type: LedgerEntry). */
export class LedgerEntryView {
  @ApiProperty() moveId!: string;
  @ApiProperty() lotId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty({ enum: MOVE_KINDS }) kind!: string;
  @ApiProperty() onHandDelta!: number;
  @ApiProperty() availableDelta!: number;
  @ApiPropertyOptional() holdDelta?: number;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty() ref!: string;
  @ApiPropertyOptional() by?: string;
  @ApiPropertyOptional() reason?: string;
}

/** R-ORD-2: what backordered orders still miss, per ingredient. */
export class ShortageView {
  @ApiProperty() sku!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() orders!: number;
}
