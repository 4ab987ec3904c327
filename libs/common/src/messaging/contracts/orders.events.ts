/** Events published by the orders service. */
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Min,
  ValidateNested,
} from 'class-validator';
import { Contact, MealWindow, SkuQuantity, TimeWindow } from './shared.types';

/** Full snapshot of a canteen; sent on registration and on every change. */
export class CanteenSnapshot {
  @IsString() canteenId!: string;
  @IsString() name!: string;
  @IsString() address!: string;
  @ValidateNested() @Type(() => Contact) contact!: Contact;
  @ValidateNested() @Type(() => TimeWindow) receivingWindow!: TimeWindow;
  /** Approved meal-time exceptions (R-MENU-3); meals not listed use the standard windows. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => MealWindow) mealWindows!: MealWindow[];
  @IsOptional() @IsUrl({ require_tld: false }) webhookUrl?: string;
  @IsBoolean() active!: boolean;
}

/**
 * The exact price of an order line (R-AS-6): `priceFen` per `priceUnitQuantity` units (a dish:
 * per 1 portion) plus the canteen's markup. Amounts are computed with `amountAtExactPrice`
 * (libs/common/src/money/exact-price.ts), rounded once per amount, so every consumer gets the fen
 * orders charged.
 */
export class LinePriceInfo {
  @IsInt() @Min(0) priceFen!: number;
  @IsInt() @Min(1) priceUnitQuantity!: number;
  @IsInt() @Min(0) markupBp!: number;
}

export class OrderLineInfo {
  @IsString() lineId!: string;
  @IsIn(['dish', 'ingredient']) kind!: 'dish' | 'ingredient';
  /** Dish id for a dish line, ingredient SKU for an ingredient line. */
  @IsString() itemId!: string;
  @IsString() name!: string;
  /** Portions for a dish, base-unit quantity for an ingredient. */
  @IsInt() @Min(1) quantity!: number;
  @IsString() unit!: string;
  /** One unit's price rounded to the fen: for display only, never multiply it (see `price`). */
  @IsInt() @Min(0) unitPriceFen!: number;
  /** Exact price; absent only on events published before it was added. */
  @IsOptional() @ValidateNested() @Type(() => LinePriceInfo) price?: LinePriceInfo;
  /** What the line costs the canteen: `quantity` at `price`, rounded once. */
  @IsOptional() @IsInt() @Min(0) amountFen?: number;
  @IsOptional() @IsString() notes?: string;
}

/** What an order needs from stock and when it must arrive; shared by placed/changed/confirmed. */
export class OrderFacts {
  @IsString() orderId!: string;
  @IsString() canteenId!: string;
  @IsISO8601() placedAt!: string;
  /** The canteen's requested delivery time; absent = as soon as possible (R-DEL-2). */
  @IsOptional() @IsISO8601() requestedTime?: string;
  /** Urgent add-on need-by time (R-ORD-3). */
  @IsOptional() @IsISO8601() needBy?: string;
  /** Start of the earliest meal the cooked dishes are for (R-MENU-3), with exceptions applied. */
  @IsOptional() @IsISO8601() mealStartsAt?: string;
  @IsBoolean() urgent!: boolean;
  /** Set on a replacement order created from an approved exchange (R-AS-6). */
  @IsOptional() @IsString() replacementForExchangeId?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => OrderLineInfo) lines!: OrderLineInfo[];
  /** Ingredient demand already expanded from recipes × portions, plus raw ingredient lines. */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SkuQuantity)
  ingredientDemand!: SkuQuantity[];
  /** Increments on every change; consumers ignore facts older than what they hold. */
  @IsInt() @Min(1) revision!: number;
}

export class OrderPlaced extends OrderFacts {}
export class OrderChanged extends OrderFacts {}

export class OrderConfirmed extends OrderFacts {
  @IsISO8601() confirmedAt!: string;
}

export class OrderBackordered {
  @IsString() orderId!: string;
  @IsString() canteenId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SkuQuantity) missing!: SkuQuantity[];
}

export class OrderCancelled {
  @IsString() orderId!: string;
  @IsString() canteenId!: string;
  @IsISO8601() cancelledAt!: string;
}

export class MenuPublished {
  @IsString() menuId!: string;
  /** ISO week, e.g. 2026-W49 */
  @IsString() week!: string;
  @IsInt() @Min(1) version!: number;
  /** Ingredient SKUs the menu's recipes use: what next week's price survey must cover. */
  @IsArray() @IsString({ each: true }) ingredientSkus!: string[];
}
