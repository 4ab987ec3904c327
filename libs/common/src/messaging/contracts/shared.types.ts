import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';

import { HH_MM, MEALS, Meal } from './constants';

export { HH_MM, MEALS };
export type { Meal };

/** A time window of the day, Asia/Shanghai wall clock. */
export class TimeWindow {
  @Matches(HH_MM) from!: string;
  @Matches(HH_MM) to!: string;
}

export class SkuQuantity {
  @IsString() sku!: string;
  @IsInt() @Min(0) quantity!: number;
}

export class MealWindow {
  @IsIn(MEALS) meal!: Meal;
  @ValidateNested() @Type(() => TimeWindow) window!: TimeWindow;
}

export class Contact {
  @IsString() name!: string;
  @IsString() phone!: string;
  @IsOptional() @IsString() email?: string;
}
