/** `npm run asyncapi` rewrites docs/asyncapi.json from the event catalogue. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAsyncApi } from './asyncapi';

const target = resolve(process.cwd(), 'docs/asyncapi.json');
writeFileSync(target, `${JSON.stringify(buildAsyncApi(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
