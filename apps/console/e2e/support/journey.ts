import type { Browser } from 'playwright-core';
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
    try {
      await body();
    } catch (e) {
      await ConsolePage.screenshotAll('failure');
      throw e;
    }
  });
}
