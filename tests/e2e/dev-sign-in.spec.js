// The development identity provider in a real browser: its page passes axe, choosing a test
// identity by keyboard signs in and returns to the requested path, the session cookie is
// HttpOnly (scripts cannot read it), and sign-out needs the app's header.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test('signing in as a test identity by keyboard, then signing out', async ({ page }) => {
  await page.goto('/auth/dev?provider=organisation:HUS&return_to=/ammattilaiset');
  await expect(page.getByText('TESTIPALVELU', { exact: false })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);

  const button = page.getByRole('button', { name: 'Aino Virtanen' });
  await button.focus();
  await page.keyboard.press('Enter');
  // Not registered: the registration first, the requested path kept for after it.
  await expect(page).toHaveURL(/\/rekisteroityminen\?return_to=%2Fammattilaiset$/);

  const session = await page.evaluate(async () => {
    const answer = await fetch('/api/session');
    return { status: answer.status, body: await answer.json() };
  });
  expect(session.status).toBe(200);
  expect(session.body.identity).toEqual({
    subject: 'dev-hus-1',
    method: { method: 'organisation', organisation: 'HUS' },
    first_name: 'Aino',
    last_name: 'Virtanen',
  });
  expect(await page.evaluate(() => document.cookie)).not.toContain('mtt_session');

  const refused = await page.evaluate(async () => (await fetch('/api/sign-out', { method: 'POST' })).status);
  expect(refused).toBe(403);
  const signedOut = await page.evaluate(
    async () => (await fetch('/api/sign-out', { method: 'POST', headers: { 'X-MTT-CSRF': '1' } })).status,
  );
  expect(signedOut).toBe(204);
  const after = await page.evaluate(async () => (await fetch('/api/session')).status);
  expect(after).toBe(401);
});
