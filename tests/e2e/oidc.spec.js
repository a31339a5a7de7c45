// Organisation identification through a real OpenID Connect provider (oidc-provider, started
// on loopback by `cargo xtask test`; the server sends PÄIJÄTHA there): the authorization code
// flow with PKCE, state and nonce, end to end by keyboard; a cancelled sign-in and a forged or
// stale return, each explained by the app.
import { test, expect } from '@playwright/test';
import { arrowTo, expectNoAxeViolations, tabTo } from './support.js';

const issuer = process.env.MTT_OIDC_ISSUER;

const FINNISH = {
  lang: 'fi', button: null, role: 'Olen ammattilainen', firstGroup: 'Yliopistosairaanhoitopiirit',
  group: 'Hyvinvointiyhtymät ja -alueet', next: 'Jatka organisaation tunnistukseen',
};
const LANGUAGES = [
  FINNISH,
  {
    lang: 'sv', button: 'Svenska', role: 'Jag är yrkesverksam', firstGroup: 'Universitetssjukvårdsdistrikt',
    group: 'Välfärdssammanslutningar och -områden', next: 'Fortsätt till organisationens identifiering',
  },
  {
    lang: 'en', button: 'English', role: 'I am a professional', firstGroup: 'University hospital districts',
    group: 'Wellbeing joint authorities and counties', next: "Continue to your organisation's sign-in",
  },
];

async function startAtPaijatha(page, w = FINNISH) {
  await page.goto('/tunnistautuminen?return_to=/osio');
  if (w.button) {
    await tabTo(page, page.getByRole('button', { name: w.button }));
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
  }
  await tabTo(page, page.getByRole('button', { name: w.role }));
  await page.keyboard.press('Enter');
  // Tab reaches a radio group; the arrows move (and choose) within it.
  await tabTo(page, page.getByRole('radio', { name: w.firstGroup }));
  await arrowTo(page, page.getByRole('radio', { name: w.group }));
  await page.keyboard.press('Tab');
  await arrowTo(page, page.getByRole('radio', { name: /PÄIJÄTHA/ }));
  await expect(page.getByRole('radio', { name: /PÄIJÄTHA/ })).toBeChecked();
  await tabTo(page, page.getByRole('link', { name: w.next }));
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
}

for (const w of LANGUAGES) {
  test(`organisation identification through a real OpenID provider, by keyboard, in ${w.lang}`, async ({ page }) => {
    expect(issuer, 'cargo xtask test starts the OpenID provider and sets MTT_OIDC_ISSUER').toBeTruthy();
    await startAtPaijatha(page, w);

    // At the provider: the authorization request carries PKCE (S256), state and nonce.
    await expect(page).toHaveURL(new RegExp(`^${issuer}/`));
    const login = page.locator('input[name="login"]');
    await expect(login).toBeFocused();
    await page.keyboard.type('mikko.heikkinen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('salasana');
    await page.keyboard.press('Enter');
    // The consent page's button has focus.
    await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
    await page.keyboard.press('Enter');

    // Back at the service: signed in as the provider said, on to the registration with the
    // deep link kept.
    await expect(page).toHaveURL(/\/rekisteroityminen\?return_to=%2Fosio$/);
    await expect(page.locator('.app-account__name')).toContainText('Mikko Heikkinen');
    // The language chosen before the provider is still the app's.
    await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session.identity).toEqual({
      subject: 'mikko.heikkinen',
      method: { method: 'organisation', organisation: 'PÄIJÄTHA' },
      first_name: 'Mikko',
      last_name: 'Heikkinen',
    });
    await expectNoAxeViolations(page);
  });
}

test('the authorization request asks for PKCE S256, state and nonce', async ({ page }) => {
  const response = await page.request.get('/auth/start?provider=organisation%3AP%C3%84IJ%C3%84THA&return_to=%2F', {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  const location = new URL(response.headers().location);
  expect(location.origin).toBe(issuer);
  expect(location.searchParams.get('response_type')).toBe('code');
  expect(location.searchParams.get('code_challenge_method')).toBe('S256');
  expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(location.searchParams.get('state')?.length).toBeGreaterThanOrEqual(16);
  expect(location.searchParams.get('nonce')?.length).toBeGreaterThanOrEqual(16);
  expect(location.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'profile']));
});

test('a cancelled sign-in returns to the identification step, which says so', async ({ page }) => {
  await startAtPaijatha(page);
  await expect(page).toHaveURL(new RegExp(`^${issuer}/`));
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  await expect(page).toHaveURL(/\/tunnistautuminen\?return_to=%2Fosio&error=sign_in_cancelled$/);
  await expect(page.getByRole('alert')).toHaveText('Tunnistautuminen keskeytettiin. Voit aloittaa sen uudelleen.');
  await expectNoAxeViolations(page);
  const status = await page.evaluate(async () => (await fetch('/api/session')).status);
  expect(status).toBe(401);
});

test('a return with no sign-in under way, or with a wrong state, signs nobody in', async ({ page }) => {
  await page.goto('/auth/callback?code=forged&state=forged');
  await expect(page).toHaveURL(/\/tunnistautuminen\?return_to=%2F&error=sign_in_expired$/);
  await expect(page.getByRole('alert')).toContainText('Tunnistautuminen vanhentui');

  // A sign-in under way, and a return whose state is not the one sent.
  await page.request.get('/auth/start?provider=organisation%3AP%C3%84IJ%C3%84THA&return_to=%2F', { maxRedirects: 0 });
  await page.goto('/auth/callback?code=forged&state=not-the-state-sent');
  await expect(page).toHaveURL(/error=sign_in_expired$/);
  const status = await page.evaluate(async () => (await fetch('/api/session')).status);
  expect(status).toBe(401);
});
