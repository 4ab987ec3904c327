import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Min } from 'class-validator';
import { fenToYuan, YUAN_PATTERN, yuanToFen } from '@app/common';
import { UnitPrice } from './domain/unit-price';

/** A purchase price in the API: yuan per `priceUnitQuantity` base units ("28.00" per 1000 g). */
export class PriceDto {
  @ApiProperty({ example: '28.00', description: 'yuan per priceUnitQuantity base units' })
  @Matches(YUAN_PATTERN, { message: 'price must be yuan with at most two decimals, e.g. "28.00"' })
  price!: string;

  @ApiProperty({ example: 1000, description: 'base units the price is for (1000 g = 1 kg)' })
  @IsInt()
  @Min(1)
  priceUnitQuantity!: number;
}

export function toUnitPrice(dto: PriceDto): UnitPrice {
  return { priceFen: yuanToFen(dto.price), priceUnitQuantity: dto.priceUnitQuantity };
}

export function fromUnitPrice(price: UnitPrice): { price: string; priceUnitQuantity: number } {
  return { price: fenToYuan(price.priceFen), priceUnitQuantity: price.priceUnitQuantity };
}
