import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

export class RegisterDriverDto {
  @ApiProperty({ description: 'Id the driver token carries as driverId', example: 'driver-zhang' })
  @Matches(/^[\w-]{1,64}$/, { message: 'driverId: letters, digits, - and _ only' })
  driverId!: string;

  @ApiProperty({ example: '张师傅' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;

  @ApiProperty({ example: '13900000000' })
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone!: string;

  @ApiProperty({ example: '沪A·12345 refrigerated van' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  vehicle!: string;
}

export class UpdateDriverDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) vehicle?: string;

  @ApiPropertyOptional({ description: 'An inactive driver cannot be assigned' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class DriverView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() vehicle!: string;
  @ApiProperty() active!: boolean;
}
