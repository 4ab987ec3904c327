import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  Matches,
  Max,
  Min,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Contact, HH_MM, TimeWindow } from '@app/common';

export class RegisterCanteenDto {
  @ApiProperty({ example: '第一营业点' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '上海市浦东新区张江路 100 号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address!: string;

  @ApiProperty({ example: { name: '王经理', phone: '13800000000' } })
  @ValidateNested()
  @Type(() => Contact)
  contact!: Contact;

  @ApiProperty({
    description: 'When the canteen receives goods (Asia/Shanghai)',
    example: { from: '06:00', to: '17:00' },
  })
  @ValidateNested()
  @Type(() => TimeWindow)
  receivingWindow!: TimeWindow;

  @ApiPropertyOptional({ description: 'Where delivery notifications are posted' })
  @IsOptional()
  @IsUrl({ require_tld: false })
  webhookUrl?: string;

  @ApiPropertyOptional({
    description: 'Contract markup on raw ingredients, basis points (1 % = 100)',
    default: 0,
    example: 500,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  markupBp?: number;
}

export class SetMarkupDto {
  @ApiProperty({
    description: 'Contract markup on raw ingredients, basis points (1 % = 100)',
    example: 500,
  })
  @IsInt()
  @Min(0)
  @Max(10_000)
  markupBp!: number;
}

/** R-MENU-3: an exception window for one meal, Asia/Shanghai wall clock. */
export class ApproveMealWindowDto {
  @ApiProperty({ example: '11:00' })
  @Matches(HH_MM, { message: 'from must be HH:mm' })
  from!: string;
  @ApiProperty({ example: '12:00' }) @Matches(HH_MM, { message: 'to must be HH:mm' }) to!: string;
}

export class MealWindowView {
  @ApiProperty({ enum: ['breakfast', 'lunch', 'dinner'] }) meal!: string;
  @ApiProperty({ example: { from: '11:00', to: '12:00' } }) window!: TimeWindow;
  @ApiProperty() approvedBy!: string;
  @ApiProperty() approvedAt!: string;
}

export class CanteenView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() contact!: Contact;
  @ApiProperty() receivingWindow!: TimeWindow;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'basis points (1 % = 100)' }) markupBp!: number;
  @ApiProperty({ type: [MealWindowView] }) mealWindows!: MealWindowView[];
  @ApiPropertyOptional() webhookUrl?: string;
}

/** Ops-manager's edit of a canteen's details; only the fields sent change. */
export class UpdateCanteenDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) address?: string;
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => Contact) contact?: Contact;
  @ApiPropertyOptional()
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeWindow)
  receivingWindow?: TimeWindow;
  @ApiPropertyOptional({ description: 'Where delivery notifications are posted' })
  @IsOptional()
  @IsUrl({ require_tld: false })
  webhookUrl?: string;
  @ApiPropertyOptional({ description: 'an inactive canteen cannot place orders' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
