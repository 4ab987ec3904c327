// A journey waits for Kafka and the timers of the real services, never for a fixed sleep.
jest.setTimeout(240_000);
