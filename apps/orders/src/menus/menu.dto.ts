import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MEALS, YUAN_PATTERN } from '@app/common';
import type { Meal } from '@app/common';

export class RecipeLineDto {
  @ApiProperty({ example: 'PORK-BELLY' }) @IsString() @IsNotEmpty() sku!: string;
  @ApiProperty({ description: 'base units (g, ml, piece) per portion', example: 150 })
  @IsInt()
  @Min(1)
  quantityPerPortion!: number;
}

export class DishDto {
  @ApiProperty({ example: 'braised-pork' })
  @Matches(/^[\w-]{1,64}$/, { message: 'dishId must be 1–64 letters, digits, _ or -' })
  dishId!: string;
  @ApiProperty({ example: '红烧肉' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ description: 'yuan per portion', example: '15.00' })
  @Matches(YUAN_PATTERN, { message: 'pricePerPortion must be yuan like "15.00"' })
  pricePerPortion!: string;
  @ApiProperty({ type: [RecipeLineDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RecipeLineDto)
  recipe!: RecipeLineDto[];
}

export class OfferingDto {
  @ApiProperty({ example: '2026-12-07', description: 'Asia/Shanghai calendar day' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;
  @ApiProperty({ enum: MEALS }) @IsIn(MEALS) meal!: Meal;
  @ApiProperty({ example: 'braised-pork' }) @IsString() dishId!: string;
}

export class DraftMenuDto {
  @ApiProperty({ type: [DishDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DishDto)
  dishes!: DishDto[];
  @ApiProperty({ type: [OfferingDto], description: 'which dish is served on which day and meal' })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => OfferingDto)
  offerings!: OfferingDto[];
}

export class DishView {
  @ApiProperty() dishId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '15.00' }) pricePerPortion!: string;
  @ApiProperty({ type: [RecipeLineDto] }) recipe!: RecipeLineDto[];
}

export class LatePublicationView {
  @ApiProperty() reason!: string;
  @ApiProperty() by!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'start of the first meal this version serves' })
  effectiveFrom!: string;
  @ApiProperty({
    type: [OfferingDto],
    description: 'offerings left out: their meal starts too soon',
  })
  dropped!: OfferingDto[];
}

export class LatePublishDto {
  @ApiProperty({ example: 'new customer 第三营业点 starts this Wednesday', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class MenuView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026-W50' }) week!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: string;
  @ApiPropertyOptional() publishedAt?: string;
  @ApiPropertyOptional({
    type: LatePublicationView,
    description: 'R-MENU-1: published after the deadline by the ops-manager',
  })
  late?: LatePublicationView;
  @ApiProperty({ type: [DishView] }) dishes!: DishView[];
  @ApiProperty({ type: [OfferingDto] }) offerings!: OfferingDto[];
}
