import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PriceDto } from '../shared/price.dto';

export class QuoteLineDto extends PriceDto {
  @ApiProperty({ example: 'PORK-BELLY' }) @IsString() @IsNotEmpty() sku!: string;
}

export class SubmitQuoteDto {
  @ApiProperty({ type: [QuoteLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => QuoteLineDto)
  lines!: QuoteLineDto[];
}

export class VerifyQuoteDto {
  @ApiPropertyOptional({
    example: { 'PORK-BELLY': 'swine fever: the whole market rose 20 %' },
    description: 'written justification per flagged sku',
  })
  @IsOptional()
  @IsObject()
  justifications?: Record<string, string>;
}

export class JustifyDto {
  @ApiProperty() @IsString() @IsNotEmpty() sku!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) justification!: string;
}

export class ReopenRoundDto {
  @ApiProperty({
    example: '2026-03-07T10:00:00Z',
    description: 'quotes accepted until this instant',
  })
  @IsISO8601()
  until!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class QuoteView {
  @ApiProperty() week!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty() status!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: [QuoteLineDto] }) lines!: QuoteLineDto[];
  @ApiPropertyOptional() verification?: object;
  @ApiPropertyOptional() rejectionReason?: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) history!: object[];
}

export class RoundView {
  @ApiProperty() week!: string;
  @ApiProperty({ description: 'Saturday 00:00 Asia/Shanghai before the week' }) deadline!: string;
  @ApiProperty() open!: boolean;
  @ApiPropertyOptional() reopening?: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'approved prices of the week',
  })
  approvedPrices!: object[];
}
