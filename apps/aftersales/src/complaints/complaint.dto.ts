import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CAUSES,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  DEPARTMENTS,
  type ComplaintCategory,
  type ComplaintCause,
  type ComplaintChannel,
  type ComplaintStatus,
  type Department,
} from './domain/complaint.types';

const TEXT = 2000;

export class ComplaintSubjectDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) orderId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) deliveryId?: string;
  @ApiPropertyOptional({ description: 'The staff member complained about' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  staffId?: string;
}

export class RecordComplaintDto {
  @ApiPropertyOptional({ description: 'Required for staff; a canteen token files for itself' })
  @IsOptional()
  @IsString()
  canteenId?: string;

  @ApiPropertyOptional({
    enum: COMPLAINT_CHANNELS,
    description: 'Required for staff; a canteen files through the app',
  })
  @IsOptional()
  @IsIn(COMPLAINT_CHANNELS)
  channel?: ComplaintChannel;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;
  @ApiProperty({ enum: COMPLAINT_CAUSES, description: 'Must belong to the category' })
  @IsIn(COMPLAINT_CAUSES)
  cause!: ComplaintCause;

  @ApiProperty({ type: ComplaintSubjectDto })
  @ValidateNested()
  @Type(() => ComplaintSubjectDto)
  subject!: ComplaintSubjectDto;

  @ApiProperty({ example: '红烧肉有酸味' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  description!: string;
  @ApiPropertyOptional({ example: '今天换货' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  request?: string;
  @ApiPropertyOptional({ description: 'When the canteen called / wrote / visited' })
  @IsOptional()
  @IsISO8601()
  reportedAt?: string;
}

export class ComplaintListQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() canteenId?: string;
  @ApiPropertyOptional({
    enum: ['true'],
    description: 'Only those with a missed response time (R-AS-4)',
  })
  @IsOptional()
  @IsIn(['true'])
  escalated?: 'true';
  @ApiPropertyOptional({ enum: ['true'], description: 'Only special cases (reopened twice)' })
  @IsOptional()
  @IsIn(['true'])
  specialCase?: 'true';
}

export class NoteDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) note!: string;
}

export class OptionalNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) note?: string;
}

export class AssessDto {
  @ApiProperty() @IsBoolean() valid!: boolean;
  @ApiPropertyOptional({ description: 'Required when invalid: the answer given to the canteen' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) note?: string;
}

export class AssignDto {
  @ApiProperty({ description: 'The handling plan (R-AS-4: within 2 h of recording)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  handlingPlan!: string;
  @ApiPropertyOptional({ enum: DEPARTMENTS, description: 'Overrides the routing table' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;
  @ApiPropertyOptional({ description: 'Overrides the department lead' })
  @IsOptional()
  @IsString()
  responsibleStaffId?: string;
}

export class InvestigateDto {
  @ApiProperty({ enum: DEPARTMENTS }) @IsIn(DEPARTMENTS) department!: Department;
  @ApiPropertyOptional({ description: 'The directly responsible person, if found' })
  @IsOptional()
  @IsString()
  staffId?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) finding!: string;
}

export class ResolutionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) resolution!: string;
}

export class NotifyDto {
  @ApiProperty({ description: 'What the canteen was told' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  message!: string;
}

export class CustomerAnswerDto {
  @ApiProperty() @IsBoolean() satisfied!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) comment?: string;
}

export class RewardDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) reason!: string;
}

export class ComplaintStepView {
  @ApiProperty() step!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty() at!: Date;
  @ApiPropertyOptional() note?: string;
}

export class ComplaintView {
  @ApiProperty() id!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) channel!: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category!: string;
  @ApiProperty({ enum: COMPLAINT_CAUSES }) cause!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiProperty() description!: string;
  @ApiProperty() recordedAt!: Date;
  @ApiPropertyOptional({ description: 'false: answered as invalid with invalidReason' })
  valid?: boolean;
  @ApiPropertyOptional() invalidReason?: string;
  @ApiPropertyOptional({ description: 'Found by the investigation' })
  responsible?: { department: string; staffId?: string; finding: string };
  @ApiProperty() reopenCount!: number;
  @ApiProperty() specialCase!: boolean;
  @ApiProperty({ description: 'Response timers: dueAt / metAt / escalatedAt per kind' })
  timers!: object;
  @ApiProperty({ type: [ComplaintStepView] }) steps!: ComplaintStepView[];
}
