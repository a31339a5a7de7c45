// Helpers the flow tests share: axe with the WCAG 2.1 AA rules, reaching an element by Tab
// (proof it is in the keyboard order), phone-sized screenshots, and sign-in through the
// development provider.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
}

// Presses Tab (or Shift+Tab) until `locator` has focus; fails if it is not reached in the
// keyboard order within `limit` presses.
export async function tabTo(page, locator, { backwards = false, limit = 60 } = {}) {
  for (let step = 0; step < limit; step += 1) {
    if (await locator.evaluate((element) => element === document.activeElement).catch(() => false)) {
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(locator).toBeFocused();
}

// Presses ArrowDown until `locator` has focus (moving within a radio group).
export async function arrowTo(page, locator, limit = 20) {
  for (let step = 0; step < limit; step += 1) {
    if (await locator.evaluate((element) => element === document.activeElement).catch(() => false)) {
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  await expect(locator).toBeFocused();
}

// A 360×740 screenshot of the page, kept with the test results for a person to look at.
// A test that runs at that size already is not resized (a resize mid-interaction can move
// focus).
export async function phoneScreenshot(page, testInfo, name) {
  const size = page.viewportSize();
  const phone = size?.width === PHONE.width && size?.height === PHONE.height;
  if (!phone) {
    await page.setViewportSize(PHONE);
  }
  await page.screenshot({ path: testInfo.outputPath(`${name}-360x740.png`), fullPage: true });
  if (size && !phone) {
    await page.setViewportSize(size);
  }
}

export const PHONE = { width: 360, height: 740 };

// Signs in through the development provider (mouse-free, but not the flow under test).
export async function signIn(page, identity, provider, returnTo = '/') {
  await page.goto(`/auth/dev?provider=${encodeURIComponent(provider)}&return_to=${encodeURIComponent(returnTo)}`);
  await page.getByRole('button', { name: identity }).click();
}

// The form drafts this tab keeps, by their storage key (mtt.draft.<owner>.<form>).
export async function drafts(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      Object.keys(sessionStorage)
        .filter((key) => key.startsWith('mtt.draft.'))
        .map((key) => [key, sessionStorage.getItem(key)]),
    ),
  );
}

// A JSON API call from the page, with the app's CSRF header; returns the status.
export async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const answer = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-MTT-CSRF': '1' },
        body: JSON.stringify(body),
      });
      return answer.status;
    },
    { method, path, body },
  );
}
