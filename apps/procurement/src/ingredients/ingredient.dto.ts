import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BASE_UNITS } from '@app/common';
import type { BaseUnit } from '@app/common';
import {
  REMOVAL_STRATEGIES,
  RemovalStrategy,
  SKU_PATTERN,
  STORAGE_KINDS,
  StorageKind,
} from './domain/ingredient';

export class UpdateIngredientDto {
  @ApiProperty({ example: '五花肉' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: BASE_UNITS }) @IsIn(BASE_UNITS) unit!: BaseUnit;
  @ApiProperty({ example: 'meat' }) @IsString() @IsNotEmpty() @MaxLength(100) category!: string;
  @ApiProperty({ enum: STORAGE_KINDS }) @IsIn(STORAGE_KINDS) storage!: StorageKind;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(3650) shelfLifeDays!: number;
  @ApiPropertyOptional({ enum: REMOVAL_STRATEGIES, default: 'fifo' })
  @IsOptional()
  @IsIn(REMOVAL_STRATEGIES)
  removalStrategy?: RemovalStrategy;
}

export class RegisterIngredientDto extends UpdateIngredientDto {
  @ApiProperty({ example: 'PORK-BELLY' })
  @Matches(SKU_PATTERN, { message: 'sku: letters, digits, - and _, at most 64' })
  sku!: string;
}

export class IngredientView {
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BASE_UNITS }) unit!: BaseUnit;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: STORAGE_KINDS }) storage!: StorageKind;
  @ApiProperty() shelfLifeDays!: number;
  @ApiProperty({ enum: REMOVAL_STRATEGIES }) removalStrategy!: RemovalStrategy;
}
