import { Injectable } from '@nestjs/common';
import { Counter, Gauge, register } from 'prom-client';

function counter(name: string, help: string): Counter<'type'> {
  // Several services may share one process in tests: reuse a metric already registered.
  return (
    (register.getSingleMetric(name) as Counter<'type'> | undefined) ??
    new Counter({ name, help, labelNames: ['type'] })
  );
}

function gauge<L extends string = never>(
  name: string,
  help: string,
  labelNames: L[] = [],
): Gauge<L> {
  return (
    (register.getSingleMetric(name) as Gauge<L> | undefined) ??
    new Gauge({ name, help, labelNames })
  );
}

@Injectable()
export class MessagingMetrics {
  readonly published = counter('events_published_total', 'Events published by the outbox relay');
  readonly consumed = counter('events_consumed_total', 'Events applied by a handler');
  readonly duplicates = counter(
    'events_duplicate_total',
    'Redelivered events skipped as already applied',
  );
  readonly deadLettered = counter(
    'events_dead_lettered_total',
    'Events sent to a dead-letter topic',
  );
  readonly retried = counter(
    'events_retried_total',
    'Failed attempts retried by a consumer, by kind of failure (transient or unknown)',
  );
  readonly outboxBacklogAge = gauge(
    'outbox_backlog_age_seconds',
    'Age of the oldest aggregate whose staged events the relay has not yet published',
  );
  readonly consumerLag = gauge(
    'consumer_lag_messages',
    'Messages on a consumed topic not yet committed by this service group',
    ['topic'],
  );
  readonly outboxBacklog = gauge(
    'outbox_backlog_aggregates',
    'Aggregates whose staged events the relay has not yet published',
  );
}
