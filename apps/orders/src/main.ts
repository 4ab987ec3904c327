import 'reflect-metadata';
import { runService } from '@app/common';
import { OrdersAppModule } from './app.module';

void runService(OrdersAppModule, 'orders', 3001);
