import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { RECEIPT_REJECTION_REASONS } from './domain/goods-receipt';
import type { ReceiptRejectionReason } from './domain/goods-receipt';

export class ReceiptLineDto {
  @ApiProperty({ example: 'L1', description: 'purchase order line' })
  @IsString()
  @IsNotEmpty()
  lineId!: string;
  @ApiProperty({ example: 9500 }) @IsInt() @Min(0) accepted!: number;
  @ApiProperty({ example: 500 }) @IsInt() @Min(0) rejected!: number;
  @ApiPropertyOptional({ enum: RECEIPT_REJECTION_REASONS })
  @IsOptional()
  @IsIn(RECEIPT_REJECTION_REASONS)
  rejectionReason?: ReceiptRejectionReason;
  @ApiPropertyOptional({ example: '2026-03-20', description: 'best-before on the label' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'bestBefore must be YYYY-MM-DD' })
  bestBefore?: string;
}

export class RecordReceiptDto {
  @ApiProperty({ type: [ReceiptLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines!: ReceiptLineDto[];
}

export class GoodsReceiptView {
  @ApiProperty() id!: string;
  @ApiProperty() purchaseOrderId!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) lines!: object[];
  @ApiProperty() signatures!: object;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) history!: object[];
}
