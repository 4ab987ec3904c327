import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ServiceConfig } from '../config/service-config';
import { EventConsumer } from '../messaging/event-consumer';
import { KafkaService } from '../messaging/kafka.service';
import { OutboxRelay } from '../messaging/outbox-relay';

const CHECK_TIMEOUT_MS = 3_000;

function within<T>(promise: Promise<T>, ms = CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The messaging side of readiness: the broker answers, the producer is connected and the relay
 * publishes, the consumer group is joined and fetching, and the outbox backlog is young.
 */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    private readonly kafka: KafkaService,
    private readonly indicator: HealthIndicatorService,
    private readonly consumer: EventConsumer,
    private readonly relay: OutboxRelay,
    private readonly config: ServiceConfig,
  ) {}

  async isHealthy(key = 'kafka') {
    const check = this.indicator.check(key);
    try {
      const admin = await this.kafka.getAdmin();
      const cluster = await within(admin.describeCluster());
      return check.up({ brokers: cluster.brokers.length });
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }

  /** Connected, and the relay's last pass did not fail. */
  async producer(key = 'producer') {
    const check = this.indicator.check(key);
    const failing = this.relay.status().failing;
    try {
      await within(this.kafka.getProducer());
    } catch (e) {
      return check.down({ message: `cannot connect: ${(e as Error).message}` });
    }
    if (!this.kafka.producerConnected()) return check.down({ message: 'disconnected' });
    if (failing) return check.down({ message: `publishing fails: ${failing}` });
    return check.up();
  }

  /** Joined and fetching, no partition held back for long; those retrying are listed. */
  consumerGroup(key = 'consumer') {
    const check = this.indicator.check(key);
    const status = this.consumer.status();
    const details = {
      state: status.state,
      ...(status.lastFetchAgoMs !== undefined ? { lastFetchAgoMs: status.lastFetchAgoMs } : {}),
      ...(status.retrying.length > 0 ? { retrying: status.retrying } : {}),
      ...(status.lastError ? { lastError: status.lastError } : {}),
    };
    if (!status.subscribed) return check.up({ state: 'no subscriptions' });
    if (!status.consuming) return check.down(details);
    const stuck = status.retrying.filter((r) => r.sinceMs > this.config.READY_MAX_LAG_MS);
    if (stuck.length > 0)
      return check.down({ ...details, message: 'partitions held back by failing handlers' });
    return check.up(details);
  }

  /** The relay keeps up: its oldest unpublished entry is younger than READY_MAX_LAG_MS. */
  outbox(key = 'outbox') {
    const check = this.indicator.check(key);
    const { backlog, oldestAgeMs, failing } = this.relay.status();
    const details = { backlog, oldestAgeMs, ...(failing ? { failing } : {}) };
    if (backlog > 0 && oldestAgeMs > this.config.READY_MAX_LAG_MS)
      return check.down({ ...details, message: 'relay is not keeping up' });
    return check.up(details);
  }
}
