// The inactivity warning (WCAG 2.2.1): with the browser's clock under the test's control, a
// signed-in user is warned before the session ends, can continue by keyboard, and after the
// end is offered sign-in back to the same page with what they typed still there.
import { test, expect } from '@playwright/test';
import { drafts, expectNoAxeViolations, signIn } from './support.js';

test('an idle session warns first, continues on request, then ends keeping the draft', async ({ page }) => {
  await page.clock.install();
  await signIn(page, 'Mikko Heikkinen', 'organisation:PÄIJÄTHA');
  await expect(page).toHaveURL(/\/rekisteroityminen$/);
  const phone = page.getByRole('textbox', { name: 'Puhelinnumero' });
  await phone.fill('040 999 8888');

  // 30 minutes of idle time on the server: the warning comes three minutes before the app's
  // (one minute early) count ends.
  await page.clock.fastForward('26:30');
  const dialog = page.getByRole('dialog', { name: 'Istuntosi on päättymässä' });
  await expect(dialog).toBeVisible();
  const keepGoing = dialog.getByRole('button', { name: 'Jatka istuntoa' });
  await expect(keepGoing).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.app-account__name')).toContainText('Mikko Heikkinen');

  // Escape on the warning also continues.
  await page.clock.fastForward('26:30');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // No answer to the warning: the session ends, the draft stays.
  await page.clock.fastForward('26:30');
  await expect(dialog).toBeVisible();
  await page.clock.fastForward('03:00');
  const ended = page.getByRole('dialog', { name: 'Istuntosi päättyi' });
  await expect(ended).toBeVisible();
  await expect(ended.getByRole('link', { name: 'Kirjaudu uudelleen' })).toHaveAttribute(
    'href',
    '/tunnistautuminen?return_to=%2Frekisteroityminen',
  );
  await expectNoAxeViolations(page);
  const kept = Object.entries(await drafts(page)).filter(([key]) => key.endsWith('.registration'));
  expect(kept).toHaveLength(1);
  expect(kept[0][1]).toContain('040 999 8888');
  // The draft is kept under a hash of the account, not under the subject itself.
  expect(kept[0][0]).toMatch(/^mtt\.draft\.[0-9a-f]{16}\.registration$/);
  await expect(page.getByRole('button', { name: 'Kirjaudu palveluun' })).toBeAttached();

  // Signed in again in the same tab, the form has what was typed.
  await signIn(page, 'Mikko Heikkinen', 'organisation:PÄIJÄTHA', '/rekisteroityminen');
  await expect(phone).toHaveValue('040 999 8888');

  // Somebody else signing in on the same tab sees none of it, and it is gone from the tab.
  await signIn(page, 'Sofia Mäkelä', 'organisation:PIRHA', '/rekisteroityminen');
  await expect(page.locator('.app-account__name')).toContainText('Sofia Mäkelä');
  await expect(phone).toHaveValue('');
  expect(JSON.stringify(await drafts(page))).not.toContain('040 999 8888');
});
