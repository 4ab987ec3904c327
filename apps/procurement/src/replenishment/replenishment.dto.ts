import { ApiProperty } from '@nestjs/swagger';

/** R-INV-5 suggestion per ingredient (domain type: ReplenishmentSuggestion). */
export class ReplenishmentSuggestionView {
  @ApiProperty() sku!: string;
  @ApiProperty({ description: 'base units per month, last two months' })
  averageMonthlyUsage!: number;
  @ApiProperty({ description: 'seasonal coefficient in whole percent' }) seasonalPercent!: number;
  @ApiProperty() onHand!: number;
  @ApiProperty() suggestedQuantity!: number;
}
