import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, startSystem } from './system';

/** Jest global setup of the e2e project: builds and starts the whole system once per run. */
export default async function globalSetup(): Promise<void> {
  const info = await startSystem();
  writeFileSync(resolve(ROOT, '.run/console-e2e/system.json'), JSON.stringify(info, null, 2));
  process.stderr.write(
    `\n[console e2e] system up in ${(info.startedMs / 1000).toFixed(1)} s at ${info.consoleUrl}\n`,
  );
}
