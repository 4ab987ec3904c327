import { Inject, Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { randomUUID } from 'node:crypto';
import { Clock } from '../clock/clock';
import { SERVICE_NAME } from '../platform/tokens';
import { EventType, PayloadOf } from './contracts/catalogue';
import { EventEnvelope, newEvent } from './envelope';

export const CAUSATION_KEY = 'causationId';

/** Creates events stamped with the service, the clock's time and the current correlation. */
@Injectable()
export class EventFactory {
  constructor(
    private readonly cls: ClsService,
    private readonly clock: Clock,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  create<T extends EventType>(
    type: T,
    subject: string,
    data: PayloadOf<T>,
  ): EventEnvelope<PayloadOf<T>> {
    const active = this.cls.isActive();
    return newEvent(type, subject, data, this.clock.now(), {
      source: `/${this.serviceName}`,
      correlationId: (active ? this.cls.getId() : undefined) ?? randomUUID(),
      causationId: active ? this.cls.get<string | undefined>(CAUSATION_KEY) : undefined,
    });
  }
}
