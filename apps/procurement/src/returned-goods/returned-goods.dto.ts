import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class InspectReturnedGoodsDto {
  @ApiProperty() @IsBoolean() unopened!: boolean;
  @ApiProperty() @IsBoolean() withinExpiry!: boolean;
  @ApiProperty() @IsBoolean() coldChainIntact!: boolean;
  @ApiPropertyOptional({
    description: 'cause and responsible department/person; required for a write-off',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  cause?: string;
  @ApiPropertyOptional({
    example: '2026-03-20',
    description: 'label best-before; required to restock',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'bestBefore must be YYYY-MM-DD' })
  bestBefore?: string;
}

export class ReturnedGoodsView {
  @ApiProperty() returnId!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() originalOrderId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) lines!: object[];
  @ApiPropertyOptional() inspection?: object;
}
