import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_WEEK_PATTERN } from '@app/common';
import { PriceDto } from '../shared/price.dto';

export class PurchaseOrderLineDto extends PriceDto {
  @ApiProperty({ example: 'PORK-BELLY' }) @IsString() @IsNotEmpty() sku!: string;
  @ApiProperty({ example: 20000, description: 'base units' }) @IsInt() @Min(1) quantity!: number;
}

export class CreatePurchaseOrderDto {
  @ApiProperty({ example: '2026-W11' })
  @Matches(ISO_WEEK_PATTERN, { message: 'week must look like 2026-W11' })
  week!: string;
  @ApiProperty() @IsString() @IsNotEmpty() supplierId!: string;
  @ApiProperty({ type: [PurchaseOrderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderLineDto)
  lines!: PurchaseOrderLineDto[];
}

export class PurchaseOrderView {
  @ApiProperty() id!: string;
  @ApiProperty() week!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) lines!: object[];
  @ApiProperty() totalYuan!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) history!: object[];
}
