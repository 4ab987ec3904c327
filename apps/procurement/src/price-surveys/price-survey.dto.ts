import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ISO_WEEK_PATTERN } from '@app/common';
import { PriceDto } from '../shared/price.dto';

export class OpenSurveyDto {
  @ApiProperty({ example: '2026-W11' })
  @Matches(ISO_WEEK_PATTERN, { message: 'week must look like 2026-W11' })
  week!: string;
}

export class ObservationDto extends PriceDto {
  @ApiProperty({ example: 'PORK-BELLY' }) @IsString() @IsNotEmpty() sku!: string;
  @ApiProperty({ example: '新发地批发市场' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sourceName!: string;
  @ApiProperty({ example: '王老板' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  contactName!: string;
  @ApiProperty({ example: '13800000000' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  contactPhone!: string;
}

export class ObservationsDto {
  @ApiProperty({ type: [ObservationDto] })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ObservationDto)
  observations!: ObservationDto[];
}

export class ReasonDto {
  @ApiProperty({ example: 'cabbage prices look a week old' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class SurveyView {
  @ApiProperty() week!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [String] }) requiredSkus!: string[];
  @ApiProperty({ type: [ObservationDto] }) observations!: ObservationDto[];
  @ApiProperty({ type: [String] }) compilers!: string[];
  @ApiProperty({ required: false }) returnReason?: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'every transition with who and when',
  })
  history!: object[];
  @ApiProperty({ description: 'R-PROC-1 problems still open (empty when complete)' })
  problems!: object[];
}
