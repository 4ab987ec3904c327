import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseEnumPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import type { Meal } from '@app/common';
import {
  ApproveMealWindowDto,
  CanteenView,
  RegisterCanteenDto,
  SetMarkupDto,
  UpdateCanteenDto,
} from './canteen.dto';
import { CanteensService } from './canteens.service';

/** Path values a meal may take. */
const MEAL_PARAM = { breakfast: 'breakfast', lunch: 'lunch', dinner: 'dinner' } as const;

@ApiTags('canteens')
@Controller('canteens')
export class CanteensController {
  constructor(private readonly canteens: CanteensService) {}

  @ApiCreatedResponse({ type: CanteenView })
  @Post()
  @Roles('ops-manager')
  register(@Body() dto: RegisterCanteenDto, @CurrentCaller() caller: Caller): Promise<CanteenView> {
    return this.canteens.register(dto, caller);
  }

  @ApiOkResponse({ type: [CanteenView] })
  @Get()
  @Roles('ops-manager', 'chef', 'canteen')
  list(@CurrentCaller() caller: Caller): Promise<CanteenView[]> {
    return this.canteens.list(caller);
  }

  @ApiOkResponse({ type: CanteenView })
  @Get(':id')
  @Roles('ops-manager', 'chef', 'canteen')
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<CanteenView> {
    return this.canteens.get(id, caller);
  }

  @ApiOkResponse({ type: CanteenView })
  @Patch(':id')
  @Roles('ops-manager')
  update(
    @Param('id') id: string,
    @Body() dto: UpdateCanteenDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CanteenView> {
    return this.canteens.updateDetails(id, dto, caller);
  }

  @ApiOkResponse({ type: CanteenView })
  @Put(':id/meal-windows/:meal')
  @ApiParam({ name: 'meal', enum: Object.values(MEAL_PARAM) })
  @Roles('ops-manager')
  approveMealWindow(
    @Param('id') id: string,
    @Param('meal', new ParseEnumPipe(MEAL_PARAM)) meal: Meal,
    @Body() dto: ApproveMealWindowDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CanteenView> {
    return this.canteens.approveMealWindow(id, meal, dto, caller);
  }

  @ApiOkResponse({ type: CanteenView })
  @Delete(':id/meal-windows/:meal')
  @ApiParam({ name: 'meal', enum: Object.values(MEAL_PARAM) })
  @Roles('ops-manager')
  withdrawMealWindow(
    @Param('id') id: string,
    @Param('meal', new ParseEnumPipe(MEAL_PARAM)) meal: Meal,
    @CurrentCaller() caller: Caller,
  ): Promise<CanteenView> {
    return this.canteens.withdrawMealWindow(id, meal, caller);
  }

  @ApiOkResponse({ type: CanteenView })
  @Put(':id/markup')
  @Roles('ops-manager')
  setMarkup(
    @Param('id') id: string,
    @Body() dto: SetMarkupDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CanteenView> {
    return this.canteens.setMarkup(id, dto.markupBp, caller);
  }
}
