import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/roles.decorator';
import { KafkaHealthIndicator } from './kafka.health';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Ready only when the service can do its work: MongoDB and Kafka answer, the producer
   * publishes, the consumer group is joined and consuming, and the outbox relay keeps up
   * (backlog and its age reported). A 503 names what is broken.
   */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) res: Response) {
    // The 503 body keeps terminus' report (what is down, and why) instead of the generic error.
    return this.check().catch((e: unknown) => {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      res.status(503);
      return e.getResponse();
    });
  }

  private check() {
    return this.health.check([
      () => this.mongo.pingCheck('mongodb', { timeout: 3000 }),
      () => this.kafka.isHealthy(),
      () => this.kafka.producer(),
      () => this.kafka.consumerGroup(),
      () => this.kafka.outbox(),
    ]);
  }
}
