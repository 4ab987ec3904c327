import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimerScheduler } from './timer-scheduler';

@Module({
  imports: [DeliveriesModule, NotificationsModule],
  providers: [TimerScheduler],
})
export class TimersModule {}
