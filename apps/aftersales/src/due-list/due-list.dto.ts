import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class DueListQuery {
  @ApiPropertyOptional({ example: '2026-03-02', description: 'Shanghai date; defaults to today' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' })
  date?: string;
}

export class DueFollowUpItem {
  @ApiProperty() id!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() window!: object;
  @ApiProperty({ enum: ['due', 'overdue'] }) state!: string;
}

export class BreachedComplaintItem {
  @ApiProperty() id!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'Response times missed' }) breached!: string[];
  @ApiProperty({ description: 'Response times still to meet today' }) dueToday!: string[];
  @ApiProperty() specialCase!: boolean;
}

export class OpenPointItem {
  @ApiProperty() followUpId!: string;
  @ApiProperty() pointId!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ['report-to-supervisor', 'find-solution', 'tell-canteen'] }) next!: string;
  @ApiProperty({ description: 'The deadline of the next step, if any' }) dueAt?: Date;
  @ApiProperty() late!: boolean;
}

export class DueListView {
  @ApiProperty() date!: string;
  @ApiProperty({ type: [DueFollowUpItem] }) followUps!: DueFollowUpItem[];
  @ApiProperty({ type: [BreachedComplaintItem] }) complaints!: BreachedComplaintItem[];
  @ApiProperty({ type: [OpenPointItem] }) openPoints!: OpenPointItem[];
}
