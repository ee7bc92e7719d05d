import type { Locator, Page } from 'playwright-core';

/** Small assertions over playwright-core (no test runner here): each waits, then fails with what it saw. */

export async function visible(locator: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected ${what} to be visible within ${timeout / 1000} s`);
  }
}

export async function notPresent(locator: Locator, what: string): Promise<void> {
  const count = await locator.count();
  if (count > 0) {
    throw new Error(`expected no ${what}, found ${count}: ${(await locator.first().innerText()).slice(0, 200)}`);
  }
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

/** Fails with the page's visible text, which usually says what went wrong (an error alert, a blank page). */
export async function pageText(page: Page): Promise<string> {
  return (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 600);
}
