import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { STAFF } from '../shared/staff-roles';
import { IngredientView, RegisterIngredientDto, UpdateIngredientDto } from './ingredient.dto';
import { IngredientsService } from './ingredients.service';

@ApiTags('ingredients')
@Controller('ingredients')
export class IngredientsController {
  constructor(private readonly ingredients: IngredientsService) {}

  @Post()
  @Roles('buyer')
  register(@Body() dto: RegisterIngredientDto): Promise<IngredientView> {
    return this.ingredients.register(dto);
  }

  @Put(':sku')
  @Roles('buyer')
  update(@Param('sku') sku: string, @Body() dto: UpdateIngredientDto): Promise<IngredientView> {
    return this.ingredients.update(sku, dto);
  }

  @Get()
  @Roles(...STAFF, 'supplier')
  list(): Promise<IngredientView[]> {
    return this.ingredients.list();
  }

  @Get(':sku')
  @Roles(...STAFF, 'supplier')
  get(@Param('sku') sku: string): Promise<IngredientView> {
    return this.ingredients.get(sku);
  }
}
