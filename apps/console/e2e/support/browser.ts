import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(__dirname, '../../../../.run/screenshots');

/**
 * Debian's Chromium, headless, with the flags that keep it off this machine's closed network.
 * Playwright starts every launch with a fresh, empty temporary profile (its own
 * --user-data-dir, removed on close); it refuses one passed in `args`.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return { browser, close: () => browser.close() };
}
