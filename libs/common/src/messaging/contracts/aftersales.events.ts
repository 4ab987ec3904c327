/** Events published by the aftersales service. */
import { Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';

export class ReturnedLine {
  /** The original order's line id. */
  @IsString() lineId!: string;
  @IsInt() @Min(1) quantity!: number;
  /** Ingredient SKU when the line is a raw ingredient (cooked food has none to restock). */
  @IsOptional() @IsString() sku?: string;
}

/** R-AS-6: orders creates an urgent replacement order at no charge, due by `needBy`. */
export class ExchangeApproved {
  @IsString() exchangeId!: string;
  @IsString() canteenId!: string;
  @IsString() originalOrderId!: string;
  @IsISO8601() needBy!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReturnedLine) lines!: ReturnedLine[];
}

/** R-AS-6: orders credits the canteen's statement; procurement takes the goods in for inspection. */
export class ReturnApproved {
  @IsString() returnId!: string;
  @IsString() canteenId!: string;
  @IsString() originalOrderId!: string;
  @IsISO8601() approvedAt!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReturnedLine) lines!: ReturnedLine[];
}
