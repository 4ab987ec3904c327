import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [DeliveriesModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
