import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { YUAN_PATTERN } from '@app/common';
import { COMPLAINT_CATEGORIES, COMPLAINT_CAUSES } from '../complaints/domain/complaint.types';
import { PENALTY_STATUSES, type PenaltyStatus } from './domain/penalty';
import { FIXED_FINES, type FixedFineKind } from './domain/penalty-calculator';
import { SEVERITIES, type Severity } from './domain/penalty-scale';

const FIXED = Object.keys(FIXED_FINES);
const YUAN_MESSAGE = 'must be a yuan amount like "20.00"';

export class ComplaintPenaltyDto {
  @ApiProperty({ enum: SEVERITIES }) @IsIn(SEVERITIES) severity!: Severity;
  @ApiProperty({ description: 'Bad impact: with severe, flags the person for dismissal' })
  @IsBoolean()
  badImpact!: boolean;
  @ApiPropertyOptional({ description: "Defaults to the investigation's responsible person" })
  @IsOptional()
  @IsString()
  staffId?: string;
}

/** A rule breach found outside a complaint, or a fixed fine (R-AS-8, R-AS-11). */
export class ProposePenaltyDto {
  @ApiPropertyOptional({ enum: SEVERITIES, description: 'Either severity or fixedFine' })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;
  @ApiPropertyOptional({ enum: FIXED }) @IsOptional() @IsIn(FIXED) fixedFine?: FixedFineKind;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() badImpact?: boolean;
  @ApiPropertyOptional({ description: 'Absent: the aftersales-lead bears it (R-AS-10)' })
  @IsOptional()
  @IsString()
  staffId?: string;
  @ApiProperty() @IsString() @IsNotEmpty() canteenId!: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) @IsIn(COMPLAINT_CATEGORIES) category!: string;
  @ApiProperty({ enum: COMPLAINT_CAUSES }) @IsIn(COMPLAINT_CAUSES) cause!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @ApiProperty() @IsISO8601() occurredAt!: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class ApprovePenaltyDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: ['upheld', 'granted'] }) @IsIn(['upheld', 'granted']) outcome!:
    'upheld' | 'granted';
  @ApiPropertyOptional({ example: '10.00', description: 'Granted: the amount that remains due' })
  @IsOptional()
  @Matches(YUAN_PATTERN, { message: YUAN_MESSAGE })
  correctedAmount?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CorrectionDto {
  @ApiProperty({ example: '0.00' })
  @Matches(YUAN_PATTERN, { message: YUAN_MESSAGE })
  correctedAmount!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class PenaltyScaleDto {
  @ApiProperty({ example: '10.00' })
  @Matches(YUAN_PATTERN, { message: YUAN_MESSAGE })
  minor!: string;
  @ApiProperty({ example: '30.00' })
  @Matches(YUAN_PATTERN, { message: YUAN_MESSAGE })
  moderate!: string;
  @ApiProperty({ example: '60.00' })
  @Matches(YUAN_PATTERN, { message: YUAN_MESSAGE })
  serious!: string;
  @ApiProperty({ example: '100.00' })
  @Matches(YUAN_PATTERN, { message: YUAN_MESSAGE })
  severe!: string;
}

export class PenaltyListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() staffId?: string;
  @ApiPropertyOptional({ enum: PENALTY_STATUSES })
  @IsOptional()
  @IsIn(PENALTY_STATUSES)
  status?: PenaltyStatus;
}

export class MonthQuery {
  @ApiProperty({ example: '2026-03' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be YYYY-MM' })
  month!: string;
}

export class LedgerEntryView {
  @ApiProperty() entryId!: string;
  @ApiProperty({ enum: ['charge', 'reversal'] }) kind!: string;
  @ApiProperty({ example: '-30.00' }) amount!: string;
  @ApiProperty() month!: string;
  @ApiProperty() postedAt!: Date;
  @ApiProperty() postedBy!: string;
  @ApiProperty() reason!: string;
}

export class PenaltyView {
  @ApiProperty() id!: string;
  @ApiProperty() staffId!: string;
  @ApiProperty() borneByLead!: boolean;
  @ApiProperty() source!: object;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ enum: SEVERITIES }) severity?: string;
  @ApiPropertyOptional({ enum: FIXED }) fixedFine?: string;
  @ApiProperty({ example: '30.00' }) baseAmount!: string;
  @ApiProperty({ example: '60.00' }) amount!: string;
  @ApiProperty({ example: '60.00', description: 'Sum of the postings' }) amountInForce!: string;
  @ApiProperty() doubled!: boolean;
  @ApiPropertyOptional() repeatOfPenaltyId?: string;
  @ApiProperty() flaggedForDismissal!: boolean;
  @ApiProperty({ enum: PENALTY_STATUSES }) status!: string;
  @ApiPropertyOptional() holdUntil?: Date;
  @ApiPropertyOptional() appeal?: object;
  @ApiProperty({ type: [LedgerEntryView] }) entries!: LedgerEntryView[];
}

export class MonthlyTotalView {
  @ApiProperty() staffId!: string;
  @ApiProperty() month!: string;
  @ApiProperty({ example: '50.00' }) total!: string;
  @ApiProperty() fines!: number;
}
