import type { Browser } from 'playwright-core';
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser } from './browser';
import { ConsolePage } from './console-page';

/** One journey's browser and timing; durations are printed and kept in .run/console-e2e. */
export function useBrowser(): { browser: () => Browser } {
  let handle: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    handle = await launchBrowser();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return {
    browser: () => {
      if (!handle) throw new Error('browser not launched');
      return handle.browser;
    },
  };
}

/** A browser journey: a test whose failure leaves a screenshot of every open page. */
export function journey(title: string, body: () => Promise<void>): void {
  it(title, async () => {
    const started = Date.now();
    try {
      await body();
    } catch (e) {
      await ConsolePage.screenshotAll('failure');
      if (ConsolePage.pageErrors.length) {
        (e as Error).message += `\npage errors:\n${ConsolePage.pageErrors.join('\n')}`;
      }
      throw e;
    }
    expect(ConsolePage.pageErrors).toEqual([]);
    recordDuration(title, Date.now() - started);
  });
}

/** Journey durations, one JSON line each, in .run/console-e2e/durations.jsonl. */
function recordDuration(title: string, ms: number): void {
  const dir = resolve(__dirname, '../../../../.run/console-e2e');
  mkdirSync(dir, { recursive: true });
  appendFileSync(
    resolve(dir, 'durations.jsonl'),
    `${JSON.stringify({ title, ms, at: new Date().toISOString() })}\n`,
  );
  process.stderr.write(`[console e2e] ${(ms / 1000).toFixed(1)} s — ${title}\n`);
}
