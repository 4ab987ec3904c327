/**
 * `npm run dlt:replay -- <dead-letter topic> [partition:offset | offset ...] [--list] [--again]`
 *
 * Lists a dead-letter topic (`--list`, or no selection given with --list) or puts the selected
 * messages (all not yet replayed when none is named) back on the topic they came from. Run it
 * once the cause is fixed. Env: KAFKA_BROKERS, KAFKA_NAMESPACE (the topic name is namespaced
 * with it, as the services do).
 */
import { Kafka, logLevel } from 'kafkajs';
import { loadServiceConfig } from '../config/service-config';
import { listDeadLetters, replayDeadLetters } from './dlt-replay';

async function main(argv: string[]): Promise<void> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const [name, ...only] = argv.filter((a) => !a.startsWith('--'));
  if (!name) {
    process.stderr.write(
      'usage: npm run dlt:replay -- <topic>.dlt [partition:offset|offset ...] [--list] [--again]\n',
    );
    process.exit(2);
  }
  const config = loadServiceConfig();
  const topic = config.KAFKA_NAMESPACE ? `${config.KAFKA_NAMESPACE}.${name}` : name;
  const kafka = new Kafka({
    clientId: 'dlt-replay',
    brokers: config.KAFKA_BROKERS.split(','),
    logLevel: logLevel.ERROR,
  });
  if (flags.has('--list')) {
    for (const l of await listDeadLetters(kafka, topic)) {
      if (!l.originalTopic) continue;
      process.stdout.write(
        `${l.partition}:${l.offset}\t${l.replayed ? 'replayed' : 'pending'}\t${l.group}\t${l.eventType ?? '?'}\t${l.eventId ?? '?'}\t${l.error}\n`,
      );
    }
    return;
  }
  const replayed = await replayDeadLetters(kafka, {
    topic,
    only,
    skipReplayed: !flags.has('--again'),
  });
  for (const l of replayed)
    process.stdout.write(
      `replayed ${l.partition}:${l.offset} -> ${l.originalTopic} (${l.eventType ?? '?'} ${l.eventId ?? '?'})\n`,
    );
  process.stdout.write(`${replayed.length} message(s) replayed\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`dlt:replay failed: ${error.message}\n`);
  process.exit(1);
});
