import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaService } from '../messaging/kafka.service';

@Injectable()
export class KafkaHealthIndicator {
  constructor(
    private readonly kafka: KafkaService,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'kafka') {
    const check = this.indicator.check(key);
    try {
      const admin = await this.kafka.getAdmin();
      const cluster = await Promise.race([
        admin.describeCluster(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout after 3 s')), 3000),
        ),
      ]);
      return check.up({ brokers: cluster.brokers.length });
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }
}
