import { loadServiceConfig, validateEnvironment } from './service-config';

describe('configuration validated at boot', () => {
  it('accepts the defaults', () => {
    expect(loadServiceConfig({}).KAFKA_BROKERS).toBe('127.0.0.1:9092');
  });

  it('names every bad variable and why', () => {
    expect(() =>
      loadServiceConfig({
        KAFKA_BROKERS: 'nope',
        MONGO_URL: 'http://x',
        PORT: 'abc',
        JWT_SECRET: 'short',
      }),
    ).toThrow(
      /KAFKA_BROKERS="nope": KAFKA_BROKERS must be host:port[\s\S]*MONGO_URL="http:\/\/x"[\s\S]*JWT_SECRET[\s\S]*PORT/,
    );
  });

  it('reads numbers from strings', () => {
    expect(loadServiceConfig({ PORT: '4000', OUTBOX_POLL_MS: '50' })).toMatchObject({
      PORT: 4000,
      OUTBOX_POLL_MS: 50,
    });
  });

  it('validating the environment adds no defaults to it (child processes would inherit them)', () => {
    const env = { PORT: '4000' };
    expect(validateEnvironment(env)).toEqual({ PORT: '4000' });
    expect(() => validateEnvironment({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
