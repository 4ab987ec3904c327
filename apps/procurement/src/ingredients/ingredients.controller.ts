import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { STAFF } from '../shared/staff-roles';
import { IngredientView, RegisterIngredientDto, UpdateIngredientDto } from './ingredient.dto';
import { IngredientsService } from './ingredients.service';

@ApiTags('ingredients')
@Controller('ingredients')
export class IngredientsController {
  constructor(private readonly ingredients: IngredientsService) {}

  @ApiCreatedResponse({ type: IngredientView })
  @Post()
  @Roles('buyer')
  register(@Body() dto: RegisterIngredientDto): Promise<IngredientView> {
    return this.ingredients.register(dto);
  }

  @ApiOkResponse({ type: IngredientView })
  @Put(':sku')
  @Roles('buyer')
  update(@Param('sku') sku: string, @Body() dto: UpdateIngredientDto): Promise<IngredientView> {
    return this.ingredients.update(sku, dto);
  }

  @ApiOkResponse({ type: [IngredientView] })
  @Get()
  @Roles(...STAFF, 'supplier')
  list(): Promise<IngredientView[]> {
    return this.ingredients.list();
  }

  @ApiOkResponse({ type: IngredientView })
  @Get(':sku')
  @Roles(...STAFF, 'supplier')
  get(@Param('sku') sku: string): Promise<IngredientView> {
    return this.ingredients.get(sku);
  }
}
