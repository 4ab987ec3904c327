import { Injectable } from '@nestjs/common';
import { Counter, Gauge, register } from 'prom-client';

function counter(name: string, help: string): Counter<'type'> {
  // Several services may share one process in tests: reuse a metric already registered.
  return (
    (register.getSingleMetric(name) as Counter<'type'> | undefined) ??
    new Counter({ name, help, labelNames: ['type'] })
  );
}

function gauge(name: string, help: string): Gauge {
  return (register.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help });
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
  readonly outboxBacklog = gauge(
    'outbox_backlog_aggregates',
    'Aggregates whose staged events the relay has not yet published',
  );
}
