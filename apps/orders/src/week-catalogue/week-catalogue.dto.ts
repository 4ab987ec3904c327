import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MEALS } from '@app/common';
import { LatePublicationView } from '../menus/menu.dto';

export class WeekCatalogueQueryDto {
  @ApiPropertyOptional({
    description: 'staff only: price for this canteen (its markup, its meal times)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  canteenId?: string;
}

export class CatalogueDishView {
  @ApiProperty() dishId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '15.00' }) pricePerPortion!: string;
}

export class CatalogueMealView {
  @ApiProperty({ example: '2026-12-07', description: 'Asia/Shanghai calendar day' }) date!: string;
  @ApiProperty({ enum: MEALS }) meal!: string;
  @ApiProperty({ description: "meal start, with the canteen's approved exception" })
  startsAt!: string;
  @ApiProperty({ description: 'false once the meal has started' }) orderable!: boolean;
  @ApiProperty({ type: [CatalogueDishView] }) dishes!: CatalogueDishView[];
}

export class CatalogueMenuView {
  @ApiProperty() menuId!: string;
  @ApiProperty() version!: number;
  @ApiPropertyOptional({ type: LatePublicationView }) late?: LatePublicationView;
  @ApiProperty({ type: [CatalogueMealView] }) meals!: CatalogueMealView[];
}

export class ExactPriceView {
  @ApiProperty({
    example: '12.34',
    description: 'approved price per priceUnitQuantity, before markup',
  })
  price!: string;
  @ApiProperty({ example: 1000 }) priceUnitQuantity!: number;
  @ApiProperty({ example: 750 }) markupBp!: number;
}

export class CatalogueIngredientView {
  @ApiProperty({ example: 'GINGER' }) sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'g' }) unit!: string;
  @ApiProperty({ example: '13.27', description: 'what the canteen pays per priceUnitQuantity' })
  price!: string;
  @ApiProperty({ example: 1000 }) priceUnitQuantity!: number;
  @ApiProperty({
    type: ExactPriceView,
    description: 'an order line is charged quantity × this, rounded once',
  })
  exactPrice!: ExactPriceView;
}

export class WeekCatalogueView {
  @ApiProperty({ example: '2026-W50' }) week!: string;
  @ApiPropertyOptional() canteenId?: string;
  @ApiProperty({ description: 'contract markup on raw ingredients, basis points' })
  markupBp!: number;
  @ApiPropertyOptional({
    type: CatalogueMenuView,
    description: 'absent until the menu is published',
  })
  menu?: CatalogueMenuView;
  @ApiProperty({
    type: [CatalogueIngredientView],
    description: 'empty until the week’s approved prices reached orders',
  })
  ingredients!: CatalogueIngredientView[];
}
