import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OnTimeReportQueryDto {
  @ApiProperty({ description: 'First Shanghai day (inclusive)', example: '2026-01-01' })
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ description: 'Last Shanghai day (inclusive)', example: '2026-01-31' })
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}

/** Response documentation of the R-DEL-8 report (domain type: OnTimeReport). */
export class OnTimeFiguresView {
  @ApiProperty() key!: string;
  @ApiProperty() onTime!: number;
  @ApiProperty() breached!: number;
  @ApiProperty() waived!: number;
  @ApiProperty() pending!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null while nothing is decided' })
  onTimeRate!: number | null;
}

export class BreachLineView {
  @ApiProperty() deliveryId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() canteenId!: string;
  @ApiPropertyOptional() driverId?: string;
  @ApiProperty() deadline!: string;
  @ApiProperty() detectedAt!: string;
  @ApiPropertyOptional() deliveredAt?: string;
  @ApiProperty() waived!: boolean;
}

export class WaiverLineView {
  @ApiProperty() deliveryId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() cause!: string;
  @ApiProperty() proofRef!: string;
  @ApiProperty() previousDeadline!: string;
  @ApiProperty() newDeadline!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty() recordedBy!: string;
}

export class OnTimeReportView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() total!: OnTimeFiguresView;
  @ApiProperty({ type: [OnTimeFiguresView] }) byDay!: OnTimeFiguresView[];
  @ApiProperty({ type: [OnTimeFiguresView] }) byDriver!: OnTimeFiguresView[];
  @ApiProperty({ type: [OnTimeFiguresView] }) byCanteen!: OnTimeFiguresView[];
  @ApiProperty({ type: [BreachLineView] }) breaches!: BreachLineView[];
  @ApiProperty({ type: [WaiverLineView] }) waivers!: WaiverLineView[];
}
