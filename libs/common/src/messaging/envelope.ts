import { randomUUID } from 'node:crypto';
import { EventType, PayloadOf } from './contracts/catalogue';

/** CloudEvents 1.0 envelope, structured JSON mode; the Kafka key is `subject` (the aggregate id). */
export interface EventEnvelope<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  correlationid: string;
  causationid?: string;
  data: T;
}

export interface EventOrigin {
  source: string;
  correlationId: string;
  causationId?: string;
}

/** A new event, typed by the catalogue so publisher and handlers cannot drift. */
export function newEvent<T extends EventType>(
  type: T,
  subject: string,
  data: PayloadOf<T>,
  at: Date,
  origin: EventOrigin,
): EventEnvelope<PayloadOf<T>> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: origin.source,
    type,
    time: at.toISOString(),
    subject,
    datacontenttype: 'application/json',
    correlationid: origin.correlationId,
    ...(origin.causationId ? { causationid: origin.causationId } : {}),
    data: JSON.parse(JSON.stringify(data)) as PayloadOf<T>,
  };
}
