/**
 * The AsyncAPI 3.0 document of every topic and event, generated from the typed catalogue so
 * the documentation cannot drift from the code (a unit spec compares it with docs/asyncapi.json).
 */
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { EVENT_CATALOGUE, EventType, topicOf } from './contracts/catalogue';

const PRODUCER: Record<string, string> = {
  orders: 'orders',
  procurement: 'procurement',
  delivery: 'delivery',
  aftersales: 'aftersales',
};

export function buildAsyncApi(): Record<string, unknown> {
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' });
  const types = Object.keys(EVENT_CATALOGUE).sort() as EventType[];
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  for (const type of types) {
    const topic = topicOf(type);
    const channelId = topic.replace(/\./g, '_');
    const messageId = type.replace(/[.-]/g, '_');
    const channel = (channels[channelId] ??= {
      address: topic,
      description: `Events of one aggregate, keyed by its id. Dead letters: ${topic}.dlt`,
      messages: {},
    }) as { messages: Record<string, unknown> };
    channel.messages[messageId] = { $ref: `#/components/messages/${messageId}` };
    messages[messageId] = {
      name: type,
      title: type,
      contentType: 'application/cloudevents+json',
      summary: `CloudEvents 1.0 envelope with type "${type}"; data is ${EVENT_CATALOGUE[type].name}.`,
      payload: {
        type: 'object',
        required: [
          'specversion',
          'id',
          'source',
          'type',
          'time',
          'subject',
          'correlationid',
          'data',
        ],
        properties: {
          specversion: { const: '1.0' },
          id: { type: 'string' },
          source: { type: 'string' },
          type: { const: type },
          time: { type: 'string', format: 'date-time' },
          subject: { type: 'string', description: 'aggregate id, also the Kafka key' },
          correlationid: { type: 'string' },
          causationid: { type: 'string' },
          data: { $ref: `#/components/schemas/${EVENT_CATALOGUE[type].name}` },
        },
      },
    };
    operations[`publish_${messageId}`] = {
      action: 'send',
      summary: `published by the ${PRODUCER[type.split('.')[0]]} service`,
      channel: { $ref: `#/channels/${channelId}` },
      messages: [{ $ref: `#/channels/${channelId}/messages/${messageId}` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Central kitchen events',
      version: '1.1.0', // 1.1: OrderLineInfo.price and .amountFen (additive, optional)
      description:
        'Every topic <service>.<aggregate>.events carries event types <service>.<aggregate>.<fact>. Consumers are idempotent by event id; unprocessable messages go to <topic>.dlt with dlt-* headers.',
    },
    defaultContentType: 'application/cloudevents+json',
    channels,
    operations,
    components: { messages, schemas: sortKeys(schemas) },
  };
}

function sortKeys<T>(obj: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b)));
}
