import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { QUARTER_PATTERN } from './domain/quarterly-visit-plan';

export class PlanQuarterDto {
  @ApiProperty({ example: '2026-Q2' })
  @Matches(QUARTER_PATTERN, { message: 'must look like 2026-Q2' })
  quarter!: string;
  @ApiPropertyOptional({ default: 3, description: 'Visits per canteen in the quarter' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  visitsPerQuarter?: number;
  @ApiPropertyOptional({ description: 'Default: every active canteen' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  canteenIds?: string[];
}

export class RecordVisitDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) notes!: string;
}

export class VisitPlanQuery {
  @ApiPropertyOptional({ example: '2026-Q2' })
  @IsOptional()
  @Matches(QUARTER_PATTERN)
  quarter?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() canteenId?: string;
}

export class VisitPlanView {
  @ApiProperty() id!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() quarter!: string;
  @ApiProperty({ example: { '2026-04': { planned: 1, done: 0 } } }) months!: object;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) visits!: object[];
}
