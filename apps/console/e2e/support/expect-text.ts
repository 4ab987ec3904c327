import type { Locator } from 'playwright-core';

/** Waits until one of `locator`'s elements shows `text`, and asserts it (fails after 20 s). */
export async function expectText(locator: Locator, text: string, timeout = 20_000): Promise<void> {
  const match = locator.filter({ hasText: text });
  await match
    .first()
    .waitFor({ timeout })
    .catch(() => undefined);
  expect(await match.count()).toBeGreaterThan(0);
}
