import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { DEPARTMENTS, type Department } from '../complaints/domain/complaint.types';

export class UpsertStaffMemberDto {
  @ApiProperty({ example: '王师傅' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty({ enum: DEPARTMENTS }) @IsIn(DEPARTMENTS) department!: Department;
  @ApiPropertyOptional({ description: "The staff member's own lead" })
  @IsOptional()
  @IsString()
  leadId?: string;
  @ApiProperty({ description: 'Heads the department: complaints routed there land on them' })
  @IsBoolean()
  departmentLead!: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class StaffIdParam {
  @ApiProperty({
    example: 'driver-3',
    description: 'The id used in tokens and events (driverId, sub)',
  })
  @Matches(/^[\w:.-]{1,100}$/)
  id!: string;
}

export class StaffMemberView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: DEPARTMENTS }) department!: Department;
  @ApiPropertyOptional() leadId?: string;
  @ApiProperty() departmentLead!: boolean;
  @ApiProperty() active!: boolean;
}
