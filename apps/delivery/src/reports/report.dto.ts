import { ApiProperty } from '@nestjs/swagger';
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
