import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAsyncApi } from './asyncapi';
import { ALL_TOPICS, EVENT_CATALOGUE } from './contracts/catalogue';

describe('AsyncAPI document of all topics and events', () => {
  const doc = buildAsyncApi() as {
    channels: Record<string, { address: string }>;
    components: { messages: object; schemas: object };
  };

  it('documents every topic and every event type of the catalogue', () => {
    expect(
      Object.values(doc.channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual([...ALL_TOPICS].sort());
    expect(Object.keys(doc.components.messages)).toHaveLength(Object.keys(EVENT_CATALOGUE).length);
    expect(doc.components.schemas).toHaveProperty('OrderConfirmed');
  });

  it('is committed up to date in docs/asyncapi.json (run `npm run asyncapi` after changing a contract)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(resolve(__dirname, '../../../../docs/asyncapi.json'), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
