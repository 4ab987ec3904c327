import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

export class UpdateSettingsDto {
  @ApiPropertyOptional({
    example: 10,
    description: 'R-PROC-4: % above the survey median that is flagged',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  tolerancePercent?: number;

  @ApiPropertyOptional({
    example: { '1': 130, '7': 80 },
    description: 'R-INV-5: month (1-12) → coefficient in whole percent',
  })
  @IsOptional()
  @IsObject()
  seasonalPercent?: Record<string, number>;
}

export class SettingsView {
  tolerancePercent!: number;
  seasonalPercent!: Record<string, number>;
}
