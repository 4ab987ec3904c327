import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, Roles } from '@app/common';
import { NotificationQueryDto, NotificationView } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiOkResponse({ type: [NotificationView] })
  @Get()
  @Roles('dispatcher', 'ops-manager', 'aftersales', 'aftersales-lead', 'canteen')
  list(
    @Query() query: NotificationQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<NotificationView[]> {
    return this.notifications.list(query, caller);
  }
}
