import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { REJECTION_REASONS, type RejectionReason } from '@app/common';
import { DEPARTMENTS } from '../complaints/domain/complaint.types';
import { REMEDY_STATUSES, REMEDY_TYPES, type RemedyStatus, type RemedyType } from './domain/remedy';

export class ChooseRemedyDto {
  @ApiProperty({ enum: REMEDY_TYPES }) @IsIn(REMEDY_TYPES) remedy!: RemedyType;
  @ApiPropertyOptional({ description: 'Exchange: when the replacement must arrive' })
  @IsOptional()
  @IsISO8601()
  needBy?: string;
}

export class RemedyLineDto {
  @ApiProperty() @IsString() @IsNotEmpty() lineId!: string;
  @ApiProperty({ enum: ['dish', 'ingredient'] }) @IsIn(['dish', 'ingredient']) kind!:
    'dish' | 'ingredient';
  @ApiProperty({ description: 'Dish id or ingredient SKU' })
  @IsString()
  @IsNotEmpty()
  itemId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty() @IsInt() @Min(1) quantity!: number;
  @ApiPropertyOptional({ enum: REJECTION_REASONS })
  @IsOptional()
  @IsIn(REJECTION_REASONS)
  reason?: RejectionReason;
}

/** R-AS-6: a return or exchange opened from a quality complaint. */
export class OpenRemedyFromComplaintDto {
  @ApiProperty() @IsString() @IsNotEmpty() originalOrderId!: string;
  @ApiProperty({ type: [RemedyLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => RemedyLineDto)
  lines!: RemedyLineDto[];
  @ApiPropertyOptional({ enum: REMEDY_TYPES })
  @IsOptional()
  @IsIn(REMEDY_TYPES)
  remedy?: RemedyType;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() needBy?: string;
}

export class ChargeCauseDto {
  @ApiProperty({ enum: DEPARTMENTS }) @IsIn(DEPARTMENTS) department!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() staffId?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) note!: string;
}

export class RemedyListQuery {
  @ApiPropertyOptional({ enum: REMEDY_STATUSES })
  @IsOptional()
  @IsIn(REMEDY_STATUSES)
  status?: RemedyStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() canteenId?: string;
}

export class RemedyView {
  @ApiProperty() id!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() originalOrderId!: string;
  @ApiProperty({ enum: REMEDY_TYPES }) type!: string;
  @ApiProperty({ enum: REMEDY_STATUSES }) status!: string;
  @ApiPropertyOptional() needBy?: Date;
  @ApiProperty() atCompanyCost!: boolean;
  @ApiProperty({ type: [RemedyLineDto] }) lines!: RemedyLineDto[];
  @ApiPropertyOptional() replacementOrderId?: string;
}
