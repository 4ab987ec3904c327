import 'reflect-metadata';
import { runService } from '@app/common';
import { DeliveryAppModule } from './app.module';

void runService(DeliveryAppModule, 'delivery', 3003);
