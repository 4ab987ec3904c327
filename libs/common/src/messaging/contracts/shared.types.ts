import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A time window of the day, Asia/Shanghai wall clock. */
export class TimeWindow {
  @Matches(HH_MM) from!: string;
  @Matches(HH_MM) to!: string;
}

export class SkuQuantity {
  @IsString() sku!: string;
  @IsInt() @Min(0) quantity!: number;
}

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];

export class MealWindow {
  @IsIn(MEALS) meal!: Meal;
  @ValidateNested() @Type(() => TimeWindow) window!: TimeWindow;
}

export class Contact {
  @IsString() name!: string;
  @IsString() phone!: string;
  @IsOptional() @IsString() email?: string;
}
