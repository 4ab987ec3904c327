import 'reflect-metadata';
import { runService } from '@app/common';
import { ProcurementAppModule } from './app.module';

void runService(ProcurementAppModule, 'procurement', 3002);
