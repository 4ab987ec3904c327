import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { FOLLOW_UP_KINDS, type FollowUpKind } from './domain/follow-up-schedule';
import { SURVEY_LEVELS, type SurveyLevel } from './domain/survey';

const LEVELS = Object.keys(SURVEY_LEVELS);

/** R-AS-15: four items, four levels each. */
export class SurveyDto {
  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS) attitude!: SurveyLevel;
  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS) skill!: SurveyLevel;
  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS) 'arrival-time'!: SurveyLevel;
  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS) 'keeping-promises'!: SurveyLevel;
}

export class CompleteFollowUpDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) notes!: string;
  @ApiPropertyOptional({ type: SurveyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SurveyDto)
  survey?: SurveyDto;
  @ApiPropertyOptional({
    description: 'Points raised that could not be answered on the spot (R-AS-16)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  openPoints?: string[];
}

export class SolutionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) solution!: string;
}

export class FollowUpListQuery {
  @ApiPropertyOptional({ enum: ['due', 'done'] }) @IsOptional() @IsIn(['due', 'done']) status?:
    'due' | 'done';
  @ApiPropertyOptional({ enum: FOLLOW_UP_KINDS })
  @IsOptional()
  @IsIn(FOLLOW_UP_KINDS)
  kind?: FollowUpKind;
  @ApiPropertyOptional() @IsOptional() @IsString() canteenId?: string;
  @ApiPropertyOptional({ description: 'Delivery or complaint id that triggered it' })
  @IsOptional()
  @IsString()
  triggerId?: string;
  @ApiPropertyOptional({ description: 'Due from before this instant' })
  @IsOptional()
  @IsISO8601()
  dueBefore?: string;
}

export class FollowUpView {
  @ApiProperty() id!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() trigger!: object;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind!: string;
  @ApiProperty({ description: 'Shanghai dates, inclusive' }) window!: object;
  @ApiProperty() dueFrom!: Date;
  @ApiProperty() dueBy!: Date;
  @ApiProperty({ enum: ['due', 'done'] }) status!: string;
  @ApiPropertyOptional() score?: object;
  @ApiProperty() openPoints!: object;
}
