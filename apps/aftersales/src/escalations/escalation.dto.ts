import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { NOTICE_STATUSES, type NoticeStatus } from './escalation-notice.schema';
import type { EscalationKind } from './domain/escalation-notice';

const KINDS = ['response-time-missed', 'special-case'] as const;

export class EscalationNoticeQuery {
  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: NoticeStatus;
  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: EscalationKind;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  complaintId?: string;
}

export class EscalationNoticeView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: KINDS }) kind!: string;
  @ApiProperty({ example: 'aftersales-lead' }) recipient!: string;
  @ApiProperty() complaintId!: string;
  @ApiProperty() canteenId!: string;
  @ApiPropertyOptional({ description: 'the missed response time' }) timer?: string;
  @ApiProperty() escalatedAt!: string;
  @ApiProperty() message!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ enum: NOTICE_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional() lastError?: string;
  @ApiPropertyOptional() sentAt?: string;
}
