import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MEALS, SkuQuantity } from '@app/common';
import type { Meal } from '@app/common';

export class DishLineDto {
  @ApiProperty({ example: 'braised-pork' }) @IsString() @IsNotEmpty() dishId!: string;
  @ApiProperty({ example: '2026-12-07', description: 'the day the dish is served (Asia/Shanghai)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;
  @ApiProperty({ enum: MEALS }) @IsIn(MEALS) meal!: Meal;
  @ApiProperty({ example: 40 }) @IsInt() @Min(1) portions!: number;
  @ApiPropertyOptional({ example: '少放盐' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  notes?: string;
}

export class IngredientLineDto {
  @ApiProperty({ example: 'RICE' }) @IsString() @IsNotEmpty() sku!: string;
  @ApiProperty({
    description: 'integer quantity in the ingredient base unit (g, ml, piece)',
    example: 5000,
  })
  @IsInt()
  @Min(1)
  quantity!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) notes?: string;
}

/** Placing and changing an order take the same body: a change replaces the order's content. */
export class OrderRequestDto {
  @ApiPropertyOptional({ type: [DishLineDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DishLineDto)
  dishes?: DishLineDto[];

  @ApiPropertyOptional({ type: [IngredientLineDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IngredientLineDto)
  ingredients?: IngredientLineDto[];

  @ApiPropertyOptional({
    description: 'delivery time; omit for as soon as possible',
    example: '2026-12-07T02:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  requestedTime?: string;

  @ApiPropertyOptional({
    description: 'urgent add-on (临时加单急用), needs needBy',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ description: 'R-ORD-3: when an urgent add-on is needed by' })
  @IsOptional()
  @IsISO8601({ strict: true })
  needBy?: string;
}

export class OrderLineView {
  @ApiProperty() lineId!: string;
  @ApiProperty({ enum: ['dish', 'ingredient'] }) kind!: string;
  @ApiProperty({ description: 'dish id or ingredient SKU' }) itemId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ example: 'g' }) unit!: string;
  @ApiProperty({ description: 'yuan per `priceQuantity` units, before markup', example: '5.00' })
  unitPrice!: string;
  @ApiProperty({ example: 1000 }) priceQuantity!: number;
  @ApiProperty({ description: 'basis points' }) markupBp!: number;
  @ApiProperty({ example: '25.00' }) amount!: string;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional() date?: string;
  @ApiPropertyOptional({ enum: MEALS }) meal?: string;
  @ApiPropertyOptional({ description: 'R-MENU-4: menu version the dish was ordered against' })
  menuVersion?: number;
}

export class DeliveryView {
  @ApiProperty() deliveryId!: string;
  @ApiProperty() deliveredAt!: string;
  @ApiProperty({ description: 'accepted goods at the order prices' }) acceptedAmount!: string;
  @ApiProperty({ type: [Object] }) lines!: {
    lineId: string;
    acceptedQuantity: number;
    rejectedQuantity: number;
  }[];
}

export class OrderView {
  @ApiProperty() id!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty({
    enum: [
      'placed',
      'confirmed',
      'backordered',
      'dispatched',
      'delivered',
      'partially-delivered',
      'cancelled',
    ],
  })
  status!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() placedAt!: string;
  @ApiPropertyOptional() requestedTime?: string;
  @ApiPropertyOptional() needBy?: string;
  @ApiPropertyOptional({ description: 'start of the earliest meal the dishes are for' })
  mealStartsAt?: string;
  @ApiProperty() urgent!: boolean;
  @ApiPropertyOptional() replacementFor?: { exchangeId: string; originalOrderId: string };
  @ApiProperty({ type: [OrderLineView] }) lines!: OrderLineView[];
  @ApiProperty({ example: '625.00' }) total!: string;
  @ApiProperty({ type: [SkuQuantity] }) ingredientDemand!: SkuQuantity[];
  @ApiProperty({
    type: [SkuQuantity],
    description: 'what stock could not cover, while backordered',
  })
  missing!: SkuQuantity[];
  @ApiPropertyOptional() confirmedAt?: string;
  @ApiPropertyOptional() dispatchedAt?: string;
  @ApiPropertyOptional() cancelledAt?: string;
  @ApiPropertyOptional({ type: DeliveryView }) delivery?: DeliveryView;
}
