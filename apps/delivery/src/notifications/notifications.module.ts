import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CanteensModule } from '../canteens/canteens.module';
import { NotificationEventsHandler } from './notification-events.handler';
import { NotificationRecord, NotificationSchema } from './notification.schema';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { WebhookSenderService } from './webhook-sender.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: NotificationRecord.name, schema: NotificationSchema }]),
    CanteensModule,
  ],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationEventsHandler, WebhookSenderService],
  exports: [WebhookSenderService],
})
export class NotificationsModule {}
