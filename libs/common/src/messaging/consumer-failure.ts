import { DomainError } from '../errors/domain-error';

/** Thrown for a message that no retry can fix: it goes straight to the dead-letter topic. */
export class PoisonMessage extends Error {
  override name = 'PoisonMessage';
}

/**
 * Thrown by a handler whose work cannot be done *yet* (a lease still held, a dependency not
 * reachable): the consumer retries it with backoff until it succeeds and never dead-letters it.
 */
export class TransientFailure extends Error {
  override name = 'TransientFailure';
}

/**
 * - `poison`: the message itself is wrong (cannot parse, fails validation, a domain rule
 *   refuses it for good) — dead-lettered at once.
 * - `transient`: the world is not ready (database or broker unreachable, timeouts, a lease or a
 *   race lost to another writer) — retried with backoff until it succeeds, never dead-lettered.
 * - `unknown`: anything else (a bug, a missing prerequisite) — a bounded number of attempts,
 *   then dead-lettered, so one bad message cannot stop its partition for ever.
 */
export type FailureKind = 'poison' | 'transient' | 'unknown';

const TRANSIENT_NAMES =
  /^(Mongo(Network|NetworkTimeout|ServerSelection|NotConnected|Topology|PoolCleared|WaitQueueTimeout|ExpiredSession|Timeout)Error|MongooseServerSelectionError|KafkaJS(Connection|Request|Timeout|NumberOfRetriesExceeded|Broker|Lock|NonRetriable)Error|TransientFailure)$/;
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** Server-side codes of MongoDB meaning "try again" (not-primary, shutting down, …). */
const TRANSIENT_MONGO_CODES = new Set([6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435]);
const TRANSIENT_MESSAGE =
  /buffering timed out|connection .*(closed|refused|reset)|client must be connected|topology (is )?(closed|destroyed)|socket hang up|timed out/i;

interface ErrorLike {
  name?: string;
  code?: unknown;
  message?: string;
  retriable?: boolean;
  cause?: unknown;
  hasErrorLabel?: (label: string) => boolean;
}

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof PoisonMessage) return 'poison';
  if (error instanceof DomainError) {
    // A conflict is a race lost to another writer or a lease still held: the next try differs.
    if (error.kind === 'conflict') return 'transient';
    if (error.kind === 'not-found') return 'unknown';
    return 'poison';
  }
  for (let e = error as ErrorLike | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') break;
    if (e.name && TRANSIENT_NAMES.test(e.name)) return 'transient';
    if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return 'transient';
    if (typeof e.code === 'number' && TRANSIENT_MONGO_CODES.has(e.code)) return 'transient';
    if (e.hasErrorLabel?.('RetryableWriteError') || e.hasErrorLabel?.('ResetPool'))
      return 'transient';
    if (e.retriable === true) return 'transient';
    if (e.message && TRANSIENT_MESSAGE.test(e.message)) return 'transient';
    e = e.cause as ErrorLike | undefined;
  }
  return 'unknown';
}

/** Backoff before retry `attempt` (1-based) of a transient failure: 200 ms doubling to 10 s. */
export function transientBackoffMs(attempt: number): number {
  return Math.min(200 * 2 ** Math.min(attempt - 1, 10), 10_000);
}
