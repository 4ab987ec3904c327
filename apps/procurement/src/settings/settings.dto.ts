import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Max, Min, ValidateBy } from 'class-validator';

const MONTH_KEY = /^(?:[1-9]|1[0-2])$/;

function isSeasonalPercent(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(
      ([month, pct]) => MONTH_KEY.test(month) && Number.isInteger(pct) && pct >= 0 && pct <= 1000,
    )
  );
}

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
  @ValidateBy({
    name: 'isSeasonalPercent',
    validator: {
      validate: isSeasonalPercent,
      defaultMessage: () => 'seasonalPercent maps months 1-12 to whole percents 0-1000',
    },
  })
  seasonalPercent?: Record<string, number>;
}

export class SettingsView {
  @ApiProperty({ example: 10 }) tolerancePercent!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { '1': 130, '7': 80 },
  })
  seasonalPercent!: Record<string, number>;
}
