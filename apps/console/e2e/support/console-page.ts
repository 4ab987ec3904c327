import { resolve } from 'node:path';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import type { Who } from './api';
import { SCREENSHOT_DIR } from './browser';
import { systemInfo } from './system';

/** One person signed in to the console in their own browser context (own storage, own token). */
export class ConsolePage {
  private static readonly open = new Set<ConsolePage>();
  /** Uncaught errors of any page of this test file: a journey ends with none. */
  static readonly pageErrors: string[] = [];
  /** Screenshots of this test file so far: their numbers tell the journey's order. */
  private static shots = 0;

  /** A screenshot of every page still open: what each person saw when a journey failed. */
  static async screenshotAll(name: string): Promise<void> {
    for (const p of ConsolePage.open) await p.screenshot(name).catch(() => undefined);
  }

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    private readonly journey: string,
    readonly who: Who,
  ) {}

  /**
   * Opens the sign-in page and signs in as `who`, as a person would: role, name, scope id. A
   * desktop browser unless `device` says otherwise (the driver's phone).
   */
  static async signIn(
    browser: Browser,
    journey: string,
    who: Who,
    device: BrowserContextOptions = {},
  ): Promise<ConsolePage> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 960 },
      locale: 'zh-CN',
      ...device,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => ConsolePage.pageErrors.push(`${who.role}: ${e.message}`));
    const desk = new ConsolePage(page, context, journey, who);
    ConsolePage.open.add(desk);
    await page.goto(`${systemInfo().consoleUrl}/sign-in`);
    await desk.choose(page.locator('#role'), `(${who.role})`, who.role);
    if (who.sub) await page.locator('#sub').fill(who.sub);
    const scope = who.canteenId ?? who.supplierId ?? who.driverId;
    if (scope) await page.locator('#scopeId').fill(scope);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('signed-in-as').waitFor();
    return desk;
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`${systemInfo().consoleUrl}${path}`);
  }

  /** Picks an option of an antd Select by (part of) its label, typing `search` first if given. */
  /**
   * Picks an option and waits until the select shows it: a list refreshed by its own polling can
   * re-render the select and swallow the click (seen on a loaded CI machine), so it tries again.
   */
  async choose(select: Locator, label: string, search?: string): Promise<void> {
    const option = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: label,
    });
    const shown = select.locator('.ant-select-selection-item', { hasText: label });
    for (let attempt = 1; ; attempt++) {
      await select.click();
      if (search) await this.page.keyboard.type(search);
      await option.first().click();
      const picked = await shown
        .first()
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (picked || attempt === 3) return;
    }
  }

  /** Saves `.run/screenshots/<journey>-<n>-<role>-<name>.png`. */
  async screenshot(name: string): Promise<string> {
    ConsolePage.shots += 1;
    const n = String(ConsolePage.shots).padStart(2, '0');
    const file = resolve(SCREENSHOT_DIR, `${this.journey}-${n}-${this.who.role}-${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async close(): Promise<void> {
    ConsolePage.open.delete(this);
    await this.context.close();
  }
}
