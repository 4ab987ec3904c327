import { Global, Module } from '@nestjs/common';
import { DeliveryConfig, loadDeliveryConfig } from './delivery-config';

@Global()
@Module({
  providers: [{ provide: DeliveryConfig, useFactory: () => loadDeliveryConfig() }],
  exports: [DeliveryConfig],
})
export class DeliveryConfigModule {}
