import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/common';
import { StaffService } from './staff.service';
import { StaffIdParam, StaffMemberView, UpsertStaffMemberDto } from './staff.dto';
import { DepartmentQuery } from './department.query';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @ApiOkResponse({ type: StaffMemberView })
  @Put(':id')
  @Roles('aftersales-lead')
  upsert(
    @Param() { id }: StaffIdParam,
    @Body() dto: UpsertStaffMemberDto,
  ): Promise<StaffMemberView> {
    return this.staff.upsert(id, dto);
  }

  @ApiOkResponse({ type: [StaffMemberView] })
  @Get()
  @Roles('aftersales', 'aftersales-lead')
  @ApiQuery({ name: 'department', required: false })
  list(@Query() query: DepartmentQuery): Promise<StaffMemberView[]> {
    return this.staff.list(query.department);
  }

  @ApiOkResponse({ type: StaffMemberView })
  @Get(':id')
  @Roles('aftersales', 'aftersales-lead')
  get(@Param() { id }: StaffIdParam): Promise<StaffMemberView> {
    return this.staff.get(id);
  }
}
