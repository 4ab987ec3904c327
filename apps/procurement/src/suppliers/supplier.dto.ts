import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class SupplierContactDto {
  @ApiProperty({ example: '李师傅' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ example: '13900000000' }) @IsString() @IsNotEmpty() @MaxLength(40) phone!: string;
}

export class RegisterSupplierDto {
  @ApiProperty({ example: '浦东肉联厂' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ type: SupplierContactDto })
  @ValidateNested()
  @Type(() => SupplierContactDto)
  contact!: SupplierContactDto;
  @ApiProperty({ example: ['PORK-BELLY'], description: 'SKUs this supplier is designated for' })
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  skus!: string[];
}

export class SupplierView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: SupplierContactDto }) contact!: SupplierContactDto;
  @ApiProperty({ type: [String] }) skus!: string[];
  @ApiProperty({ enum: ['monthly'] }) settlement!: 'monthly';
}

export class SupplierSkusDto {
  @ApiProperty({ example: ['PORK-BELLY', 'CABBAGE'] })
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  skus!: string[];
}
