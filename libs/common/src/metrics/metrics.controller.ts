import { Controller, Get, Header, NotFoundException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';
import { Public } from '../auth/roles.decorator';
import { ServiceConfig } from '../config/service-config';

let defaultsCollected = false;

/**
 * Prometheus scrape endpoint on the service port, in development only: with METRICS_PORT set
 * metrics are served on that port alone, and production never serves them on the public port.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly config: ServiceConfig) {
    if (!defaultsCollected) {
      collectDefaultMetrics();
      defaultsCollected = true;
    }
  }

  @Get()
  @Header('Content-Type', register.contentType)
  scrape(): Promise<string> {
    if (this.config.METRICS_PORT !== undefined || this.config.NODE_ENV === 'production')
      throw new NotFoundException();
    return register.metrics();
  }
}
