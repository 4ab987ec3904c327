import { SetMetadata } from '@nestjs/common';
import { EventType } from './contracts/catalogue';

export const ON_EVENT_KEY = 'messaging:on-event';

/**
 * Marks a provider method as the handler of one or more event types. The payload arrives validated
 * against the catalogue's class; the consumer applies each event at most once per handler.
 * Handlers throw to ask for a retry; after bounded retries the message is dead-lettered.
 */
export const OnEvent = (...types: EventType[]) => SetMetadata(ON_EVENT_KEY, types);

export const STATE_GUARDED_KEY = 'messaging:state-guarded';

/**
 * The handler's own writes are guarded by the aggregate's state (a revision, a unique key, a
 * status), so an event delivered twice changes nothing the second time. The consumer then
 * keeps no processed mark for it: two database round trips fewer per event on the hot path.
 * Put it only on a handler whose redelivery is proven harmless by a test.
 */
export const StateGuarded = () => SetMetadata(STATE_GUARDED_KEY, true);
