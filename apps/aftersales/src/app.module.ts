import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/common';
import { CanteensModule } from './canteens/canteens.module';

@Module({
  imports: [PlatformModule.forRoot({ service: 'aftersales', outboxModels: [] }), CanteensModule],
})
export class AftersalesAppModule {}
