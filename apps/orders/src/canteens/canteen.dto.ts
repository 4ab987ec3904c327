import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Contact, TimeWindow } from '@app/common';

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
}

export class CanteenView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() contact!: Contact;
  @ApiProperty() receivingWindow!: TimeWindow;
  @ApiProperty() active!: boolean;
}
