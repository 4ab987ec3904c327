/**
 * What the console costs a browser: the JS and CSS of the first load (the sign-in page) and what
 * each desk adds, as the browser received them (gzip) and unpacked. Figures are kept in
 * .run/console-e2e/page-weight.json; the budget fails the test when the first load grows past it.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { STAFF } from './support/api';
import { ConsolePage } from './support/console-page';
import { journey, useBrowser } from './support/journey';
import { ROOT, systemInfo } from './support/system';

// Measured 2026-12-02: 388 KB transferred, 1.22 MB unpacked (React, antd, TanStack Query, i18next, router).
const BUDGET = { transferredBytes: 420_000, decodedBytes: 1_300_000 };

interface Weight {
  files: number;
  transferredBytes: number;
  decodedBytes: number;
}

async function jsAndCss(page: Page): Promise<Weight> {
  return page.evaluate(() => {
    const entries = (
      performance.getEntriesByType('resource') as unknown as {
        name: string;
        encodedBodySize: number;
        decodedBodySize: number;
      }[]
    ).filter((e) => /\.(js|css)(\?|$)/.test(e.name));
    return {
      files: entries.length,
      transferredBytes: entries.reduce((sum, e) => sum + e.encodedBodySize, 0),
      decodedBytes: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
    };
  });
}

describe('console: page weight (browser)', () => {
  const { browser } = useBrowser();

  journey(
    'the first load (sign-in page) stays within its JS/CSS budget; each desk adds its own chunk',
    async () => {
      const context = await browser().newContext();
      const page = await context.newPage();
      await page.goto(`${systemInfo().consoleUrl}/sign-in`);
      await page.locator('#role').waitFor();
      await page.waitForLoadState('networkidle');
      const firstLoad = await jsAndCss(page);
      await context.close();

      const desks: Record<string, Weight> = {};
      for (const [path, who, ready] of [
        ['/procurement', STAFF.buyer, '.ant-tabs-tab'],
        ['/kitchen', STAFF.chef, '[data-testid=menu-versions]'],
        ['/dispatch', STAFF.dispatcher, '[data-testid=on-time-charts] canvas'],
        ['/aftersales', STAFF.agent, '[data-testid=due-list]'],
        [
          '/driver',
          { role: 'driver', sub: 'driver-li', driverId: 'driver-li' },
          '[data-testid=outbox]',
        ],
      ] as const) {
        const desk = await ConsolePage.signIn(browser(), 'weight', who);
        await desk.goto(path);
        await desk.page.locator(ready).first().waitFor();
        await desk.page.waitForLoadState('networkidle');
        desks[path] = await jsAndCss(desk.page);
        await desk.close();
      }
      const report = { firstLoad, desks, budget: BUDGET };
      writeFileSync(
        resolve(ROOT, '.run/console-e2e/page-weight.json'),
        JSON.stringify(report, null, 2),
      );
      process.stderr.write(`[console e2e] page weight ${JSON.stringify(report)}\n`);

      expect(firstLoad.files).toBeGreaterThan(0);
      expect(firstLoad.transferredBytes).toBeLessThan(firstLoad.decodedBytes); // served gzipped
      expect(firstLoad.transferredBytes).toBeLessThanOrEqual(BUDGET.transferredBytes);
      expect(firstLoad.decodedBytes).toBeLessThanOrEqual(BUDGET.decodedBytes);
      // the charts library is loaded by the dispatch board only
      expect(desks['/dispatch'].decodedBytes - desks['/aftersales'].decodedBytes).toBeGreaterThan(
        300_000,
      );
      // the driver's phone app stays lean: no charts, no tables
      expect(desks['/dispatch'].decodedBytes - desks['/driver'].decodedBytes).toBeGreaterThan(
        300_000,
      );
    },
  );
});
