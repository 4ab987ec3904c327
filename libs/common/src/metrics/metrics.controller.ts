import { Controller, Get, Header, Logger, NotFoundException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';
import { Public } from '../auth/roles.decorator';
import { ServiceConfig } from '../config/service-config';
import { EventConsumer } from '../messaging/event-consumer';
import { MessagingMetrics } from '../messaging/messaging.metrics';
import { OutboxRelay } from '../messaging/outbox-relay';

let defaultsCollected = false;

/**
 * Prometheus scrape endpoint on the service port, in development only: with METRICS_PORT set
 * metrics are served on that port alone (bootstrap.ts, through `render`), and production never
 * serves them on the public port.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly logger = new Logger(MetricsController.name);

  constructor(
    private readonly config: ServiceConfig,
    private readonly consumer: EventConsumer,
    private readonly relay: OutboxRelay,
    private readonly metrics: MessagingMetrics,
  ) {
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
    return this.render();
  }

  /** The metrics text, with the gauges that are read at scrape time brought up to date. */
  async render(): Promise<string> {
    this.relay.status(); // sets the backlog age gauge
    try {
      const lags = await Promise.race([
        this.consumer.lag(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout after 3 s')), 3_000).unref(),
        ),
      ]);
      for (const [topic, lag] of Object.entries(lags)) this.metrics.consumerLag.set({ topic }, lag);
    } catch (e) {
      this.logger.warn(`consumer lag unavailable: ${(e as Error).message}`);
    }
    return register.metrics();
  }
}
