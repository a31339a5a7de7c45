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

  // Not registered yet: the flow continues at the registration, the deep link kept for after.
  await expect(page).toHaveURL(/\/rekisteroityminen\?return_to=%2Fosio%2Fsyva-linkki$/);
  await expect(page.locator('.app-account__name')).toContainText('Aino Virtanen');
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
  // A user following the HUS guide ("Valitse Ammattilaiskäyttäjät ja yhteistyökumppanit")
  // finds the same link by the guide's words.
  await expect(page.getByRole('link', { name: 'Ammattilaiskäyttäjät ja yhteistyökumppanit' })).toHaveAttribute('href', await suomiFi.getAttribute('href'));
  await suomiFi.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/provider=suomifi/);
  // The four means' test users, the five of the registration-point administration, its
  // three people to invite, and its two registrars and one applicant.
  await expect(page.getByRole('button')).toHaveCount(15);
  await page.getByRole('button', { name: 'Anna Andersson' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.app-account__name')).toContainText('Anna Andersson');
  await expect(page.getByRole('button', { name: 'Kirjaudu ulos' })).toBeVisible();
});

const LANGUAGES = [
  {
    button: 'Svenska', lang: 'sv', menu: 'Logga in i tjänsten', entry: 'Sektionen för yrkesverksamma',
    heading: 'Identifiering', role: 'Jag är yrkesverksam', organisation: 'Organisationsidentifiering',
    personal: 'Yrkesverksamma användare och samarbetspartner', group: 'Universitetssjukvårdsdistrikt',
    next: 'Fortsätt till organisationens identifiering', signOut: 'Logga ut',
  },
  {
    button: 'English', lang: 'en', menu: 'Sign in to the service', entry: "Professionals' section",
    heading: 'Identification', role: 'I am a professional', organisation: 'Organisation identification',
    personal: 'Professional users and partners', group: 'University hospital districts',
    next: "Continue to your organisation's sign-in", signOut: 'Sign out',
  },
];

for (const words of LANGUAGES) {
  test(`the whole sign-in by keyboard in ${words.button}`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: words.button }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', words.lang);

    await page.getByRole('button', { name: words.menu }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: words.entry })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: words.heading })).toBeVisible();

    await page.getByRole('button', { name: words.role }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: words.organisation })).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: words.personal })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: words.group })).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: words.next })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: 'Aino Virtanen' }).focus();
    await page.keyboard.press('Enter');
    const signOut = page.getByRole('button', { name: words.signOut });
    await expect(signOut).toBeVisible();
    // The language chosen before sign-in is kept through the provider's pages.
    await expect(page.locator('html')).toHaveAttribute('lang', words.lang);
    await signOut.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: words.menu })).toBeVisible();
  });
}
