/** Events published by the procurement service (catalogue, prices, inventory). */
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import { SkuQuantity } from './shared.types';

export class IngredientSnapshot {
  @IsString() sku!: string;
  @IsString() name!: string;
  @IsIn(['g', 'ml', 'piece']) unit!: 'g' | 'ml' | 'piece';
  @IsString() category!: string;
  @IsIn(['chilled', 'frozen', 'dry']) storage!: 'chilled' | 'frozen' | 'dry';
  @IsInt() @Min(1) shelfLifeDays!: number;
  @IsIn(['fifo', 'fefo']) removalStrategy!: 'fifo' | 'fefo';
}

export class ApprovedPrice {
  @IsString() sku!: string;
  @IsString() supplierId!: string;
  /** Fen per `priceUnitQuantity` base units, e.g. 1200 fen per 1000 g. */
  @IsInt() @Min(0) priceFen!: number;
  @IsInt() @Min(1) priceUnitQuantity!: number;
}

/** The week's approved purchase prices (R-PROC-5); orders prices raw ingredients from them. */
export class WeeklyPricesApproved {
  @IsString() week!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ApprovedPrice) prices!: ApprovedPrice[];
}

export class LotAllocation {
  @IsString() lotId!: string;
  @IsString() sku!: string;
  @IsInt() @Min(1) quantity!: number;
}

export class ReservationConfirmed {
  @IsString() orderId!: string;
  @IsInt() @Min(1) revision!: number;
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LotAllocation)
  allocations!: LotAllocation[];
}

export class ReservationBackordered {
  @IsString() orderId!: string;
  @IsInt() @Min(1) revision!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SkuQuantity) missing!: SkuQuantity[];
}

export class ReservationReleased {
  @IsString() orderId!: string;
  @IsString() reason!: string;
}

export class ReservationIssued {
  @IsString() orderId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => LotAllocation) issued!: LotAllocation[];
}

/** R-AS-7: returned goods inspected by the warehouse: back to stock or written off. */
export class ReturnedGoodsInspected {
  @IsString() returnId!: string;
  @IsIn(['restocked', 'written-off']) outcome!: 'restocked' | 'written-off';
  @IsString() inspectedBy!: string;
  @IsISO8601() inspectedAt!: string;
  @IsOptional() @IsString() cause?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SkuQuantity) lines!: SkuQuantity[];
}
