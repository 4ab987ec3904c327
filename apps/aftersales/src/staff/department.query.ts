import { IsIn, IsOptional } from 'class-validator';
import { DEPARTMENTS, type Department } from '../complaints/domain/complaint.types';

export class DepartmentQuery {
  @IsOptional() @IsIn(DEPARTMENTS) department?: Department;
}
