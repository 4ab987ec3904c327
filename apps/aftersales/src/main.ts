import 'reflect-metadata';
import { runService } from '@app/common';
import { AftersalesAppModule } from './app.module';

void runService(AftersalesAppModule, 'aftersales', 3004);
