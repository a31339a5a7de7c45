// Sign-in from the app by keyboard alone: the "Kirjaudu palveluun" menu button (APG keys),
// the identification step (role, group, organisation), the development identity provider, a
// deep link kept through it, the signed-in header, and sign-out; the personal path; the other
// languages. axe on every step.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
}

test('organisation identification by keyboard keeps the deep link and signs out', async ({ page }) => {
  await page.goto('/');
  const menuButton = page.getByRole('button', { name: 'Kirjaudu palveluun' });
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

  // Enter opens the menu and focuses its entry; Escape closes it and returns focus.
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const entry = page.getByRole('menuitem', { name: 'Ammattilaisten osio' });
  await expect(entry).toBeFocused();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(menuButton).toBeFocused();
  await expect(entry).toBeHidden();

  // The arrow key opens it too; Enter follows the entry.
  await page.keyboard.press('ArrowDown');
  await expect(entry).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tunnistautuminen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tunnistautuminen' })).toBeVisible();
  await expect(page).toHaveTitle('Tunnistautuminen – Mielenterveystalo');

  // A deep link: the page the user came for travels through sign-in.
  await page.goto('/tunnistautuminen?return_to=/osio/syva-linkki');
  await page.getByRole('button', { name: 'Olen ammattilainen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Organisaatiotunnistautuminen' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Ammattilaiskäyttäjät ja yhteistyökumppanit' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Yliopistosairaanhoitopiirit' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Yliopistosairaanhoitopiirit' })).toBeChecked();
  // Only the group's organisations are offered.
  await expect(page.getByRole('radio', { name: /PIRHA/ })).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: /\(HUS\)/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  const next = page.getByRole('link', { name: 'Jatka organisaation tunnistukseen' });
  await expect(next).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');

  // The development provider, narrowed to HUS, under its test-service banner.
  await expect(page).toHaveURL(/\/auth\/dev\?provider=organisation%3AHUS/);
  await expect(page.getByRole('button')).toHaveCount(1);
  await page.getByRole('button', { name: 'Aino Virtanen' }).focus();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/osio\/syva-linkki$/);
  await expect(page.getByText('Aino Virtanen')).toBeVisible();
  const signOut = page.getByRole('button', { name: 'Kirjaudu ulos' });
  await expectNoAxeViolations(page);
  await signOut.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Kirjaudu palveluun' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  const status = await page.evaluate(async () => (await fetch('/api/session')).status);
  expect(status).toBe(401);
});

test('the personal path goes to Suomi.fi identification with its four means, by keyboard', async ({ page }) => {
  await page.goto('/tunnistautuminen');
  await page.getByRole('button', { name: 'Olen ammattilainen' }).focus();
  await page.keyboard.press('Enter');
  const suomiFi = page.getByRole('link', { name: 'Siirry Suomi.fi-tunnistukseen' });
  await suomiFi.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/provider=suomifi/);
  await expect(page.getByRole('button')).toHaveCount(4);
  await page.getByRole('button', { name: 'Anna Andersson' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Anna Andersson')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kirjaudu ulos' })).toBeVisible();
});

for (const [language, menu, entry, role, personal] of [
  ['Svenska', 'Logga in i tjänsten', 'Sektionen för yrkesverksamma', 'Jag är yrkesverksam', 'Yrkesverksamma användare och samarbetspartner'],
  ['English', 'Sign in to the service', "Professionals' section", 'I am a professional', 'Professional users and partners'],
]) {
  test(`sign-in step in ${language}`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: language }).click();
    await page.getByRole('button', { name: menu }).click();
    await page.getByRole('menuitem', { name: entry }).click();
    await page.getByRole('button', { name: role }).click();
    await expect(page.getByRole('heading', { level: 2, name: personal })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
