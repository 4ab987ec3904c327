import { MongoNetworkError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import { KafkaJSConnectionError } from 'kafkajs';
import { DomainError } from '../errors/domain-error';
import { validatePayload } from '../validation/validation';
import { OrderCancelled } from './contracts/orders.events';
import {
  classifyFailure,
  PoisonMessage,
  transientBackoffMs,
  TransientFailure,
} from './consumer-failure';

function validationError(): unknown {
  try {
    validatePayload(OrderCancelled, { orderId: 7 });
  } catch (e) {
    return e;
  }
  throw new Error('validation unexpectedly passed');
}

describe('consumer failure classification (issue 10, finding 2)', () => {
  it.each([
    [
      'connection refused by the database',
      new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017'),
    ],
    [
      'no database server to select',
      new MongoServerSelectionError('Server selection timed out after 5000 ms', {
        error: undefined,
      } as never),
    ],
    ['the client closed under it', new MongoTopologyClosedError()],
    [
      'the broker unreachable',
      new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'),
    ],
    [
      'mongoose buffering timed out',
      new Error('Operation `orders.findOne()` buffering timed out after 10000ms'),
    ],
    [
      'a socket error in the cause chain',
      new Error('write failed', {
        cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      }),
    ],
    [
      'a lease still held',
      new DomainError('RESERVATION.BUSY', 'reservation of o1 is being changed; retry', 'conflict'),
    ],
    ['an explicit transient failure', new TransientFailure('downstream not ready')],
  ])('%s is transient: retried until it succeeds, never dead-lettered', (_what, error) => {
    expect(classifyFailure(error)).toBe('transient');
  });

  it.each([
    ['an envelope that cannot be parsed', new PoisonMessage('not JSON')],
    ['a payload that fails validation', validationError()],
    [
      'a domain rule refusing it for good',
      new DomainError('ORDER.NOT_CANCELLABLE', 'dispatched', 'unprocessable'),
    ],
  ])('%s is poison: dead-lettered at once', (_what, error) => {
    expect(classifyFailure(error)).toBe('poison');
  });

  it('a programming error is neither: a bounded number of attempts, then the dead-letter topic', () => {
    expect(
      classifyFailure(new TypeError("Cannot read properties of undefined (reading 'id')")),
    ).toBe('unknown');
  });

  it('backs off from 200 ms doubling, capped at 10 s', () => {
    expect([1, 2, 3, 4].map(transientBackoffMs)).toEqual([200, 400, 800, 1600]);
    expect(transientBackoffMs(50)).toBe(10_000);
  });
});
