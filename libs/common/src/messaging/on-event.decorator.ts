import { SetMetadata } from '@nestjs/common';
import { EventType } from './contracts/catalogue';

export const ON_EVENT_KEY = 'messaging:on-event';

/**
 * Marks a provider method as the handler of one or more event types. The payload arrives validated
 * against the catalogue's class; the consumer applies each event at most once per handler.
 * Handlers throw to ask for a retry; after bounded retries the message is dead-lettered.
 */
export const OnEvent = (...types: EventType[]) => SetMetadata(ON_EVENT_KEY, types);
