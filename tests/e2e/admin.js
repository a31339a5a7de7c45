// The administration's end-to-end helpers, shared by its specs: every step by keyboard alone
// (Tab to the element, then Enter, the arrows or typing).
import { expect } from '@playwright/test';
import { arrowTo, signIn, tabTo } from './support.js';

// Keyboard alone: Tab to the element (proof it is in the keyboard order), then the key.
export async function key(page, locator, name = 'Enter') {
  await tabTo(page, locator, { limit: 300 });
  await page.keyboard.press(name);
}

// Types into a field reached by Tab, replacing what it had.
export async function typeInto(page, locator, text) {
  await tabTo(page, locator, { limit: 300 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

// Chooses an option of a closed <select> by the arrow keys.
export async function choose(page, select, label) {
  await tabTo(page, select, { limit: 300 });
  for (let step = 0; step < 40; step += 1) {
    const shown = await select.evaluate((element) => element.options[element.selectedIndex]?.text);
    if (shown === label) {
      return;
    }
    await page.keyboard.press(step < 20 ? 'ArrowDown' : 'ArrowUp');
  }
  throw new Error(`no option ${label}`);
}

// A signed-in person of the area in a browser of their own; lands on the area's front page.
export async function signedIn(browser, name, { viewport } = {}) {
  const context = await browser.newContext({
    baseURL: process.env.MTT_BASE_URL,
    locale: 'fi-FI',
    ...(viewport ? { viewport } : {}),
  });
  const page = await context.newPage();
  await signIn(page, name, 'suomifi', '/');
  await expect(page).toHaveURL(/\/hallinta$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page;
}

// Opens a row's action menu from the keyboard and runs `entry`.
export async function act(page, menuName, entry) {
  const button = page.getByRole('button', { name: menuName, exact: true });
  await tabTo(page, button, { limit: 300 });
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: entry, exact: true });
  await arrowTo(page, item);
  await page.keyboard.press('Enter');
}

