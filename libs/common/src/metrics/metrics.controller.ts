import { Controller, Get, Header, Logger } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';
import { Public } from '../auth/roles.decorator';
import { EventConsumer } from '../messaging/event-consumer';
import { MessagingMetrics } from '../messaging/messaging.metrics';
import { OutboxRelay } from '../messaging/outbox-relay';

let defaultsCollected = false;

/** Prometheus scrape endpoint. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly logger = new Logger(MetricsController.name);

  constructor(
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
  async scrape(): Promise<string> {
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
