// What must never lose data: the server unreachable mid-submit, the server failing (5xx), a
// session that ended, a server 422 shown in the fields, a second registration refused (409)
// that leads to editing with what was typed, and "Omat tiedot" edits, where a new
// professional group changes the section's list. In all three languages where words show.
import { test, expect } from '@playwright/test';
import { api, expectNoAxeViolations, phoneScreenshot, signIn, tabTo } from './support.js';

async function fillRegistration(page, { phone, email, search }) {
  await page.getByRole('textbox', { name: 'Puhelinnumero' }).fill(phone);
  await page.getByRole('textbox', { name: 'Sähköpostiosoite' }).fill(email);
  const picker = page.getByRole('combobox', { name: 'Hae organisaatiota tai kuntaa' });
  await picker.fill(search);
  await picker.press('ArrowDown');
  await picker.press('Enter');
}

test('server down and server failing mid-submit keep the draft, then the save succeeds', async ({ page }) => {
  await signIn(page, 'Liisa Mäkinen', 'organisation:TYKS');
  await expect(page).toHaveURL(/\/rekisteroityminen$/);
  await fillRegistration(page, { phone: '+358 50 765 4321', email: 'liisa@esimerkki.fi', search: 'TYKS' });

  // One route handler for the whole test, switched by `server`: swapping handlers with
  // unroute/route can let a request slip through to the real server in between.
  let server = 'unreachable';
  await page.route('**/api/registration', (route) => {
    if (server === 'unreachable') {
      return route.abort('connectionrefused');
    }
    if (server === 'failing') {
      return route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' });
    }
    return route.continue();
  });

  // The network is down: the request never reaches the server.
  const save = page.getByRole('button', { name: 'Tallenna ja jatka' });
  await save.focus();
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('yhteys palveluun katkesi');
  await expect(alert).toContainText('Täyttämäsi tiedot ovat tallessa');
  await expect(page.getByRole('textbox', { name: 'Puhelinnumero' })).toHaveValue('+358 50 765 4321');
  await expectNoAxeViolations(page);
  await phoneScreenshot(page, test.info(), 'fi-network-failure');

  // The server answers 503: a fault in the service, still nothing lost, also after a reload.
  server = 'failing';
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(alert).toContainText('palvelun häiriön vuoksi');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Sähköpostiosoite' })).toHaveValue('liisa@esimerkki.fi');
  await expect(page.getByRole('button', { name: /^Poista .*TYKS/ })).toBeVisible();

  // The server is back: the same form saves.
  server = 'up';
  await page.getByRole('button', { name: 'Tallenna ja jatka' }).click();
  await expect(page).toHaveURL(/\/profiili$/);
  const session = await page.evaluate(async () => (await fetch('/api/session')).json());
  expect(session.registration).toEqual({
    phone: '+358507654321',
    email: 'liisa@esimerkki.fi',
    organisations: ['organisation:TYKS'],
  });
});

test('a 422 from the server shows in the same places as the app\'s own check', async ({ page }) => {
  await signIn(page, 'Juhani Nieminen', 'organisation:PSHVA');
  await fillRegistration(page, { phone: '040 765 4321', email: 'juhani@esimerkki.fi', search: 'Kuopio' });
  // A server that disagrees (say, a newer rule): its codes land on the fields and the summary.
  await page.route('**/api/registration', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'validation_failed', errors: { email: ['invalid_domain'] } }),
    }),
  );
  await page.getByRole('button', { name: 'Tallenna ja jatka' }).click();
  const summary = page.locator('.app-error-summary');
  await expect(summary).toBeFocused();
  const message = 'Sähköpostiosoitteen @-merkin jälkeinen osa ei ole kelvollinen. Sen pitää olla muotoa esimerkki.fi.';
  await expect(summary.getByRole('link')).toHaveText([message]);
  await expect(page.getByRole('textbox', { name: 'Sähköpostiosoite' })).toHaveAccessibleDescription(
    new RegExp(message.replace(/[.@-]/g, '\\$&')),
  );
  await expect(page).toHaveTitle('Virhe: Rekisteröityminen – Mielenterveystalo');
});

test('a code this app does not know is a general failure, never a specific one', async ({ page }) => {
  await signIn(page, 'Juhani Nieminen', 'organisation:PSHVA');
  await fillRegistration(page, { phone: '040 765 4321', email: 'juhani@esimerkki.fi', search: 'Kuopio' });
  // A newer server's 409 with a code this build has never heard of.
  await page.route('**/api/registration', (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'quota_exceeded' }),
    }),
  );
  await page.getByRole('button', { name: 'Tallenna ja jatka' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Tallentaminen ei onnistunut palvelun häiriön vuoksi.');
  await expect(alert).not.toContainText('Olet jo rekisteröitynyt');
  await expect(page.getByRole('textbox', { name: 'Sähköpostiosoite' })).toHaveValue('juhani@esimerkki.fi');
});

test('the save button shows progress and a second press sends nothing more', async ({ page }) => {
  await signIn(page, 'Juhani Nieminen', 'organisation:PSHVA');
  await fillRegistration(page, { phone: '040 765 4321', email: 'juhani@esimerkki.fi', search: 'Kuopio' });
  let requests = 0;
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/api/registration', async (route) => {
    requests += 1;
    await released;
    await route.continue();
  });
  const save = page.getByRole('button', { name: 'Tallenna ja jatka' });
  await save.focus();
  await page.keyboard.press('Enter');
  const saving = page.getByRole('button', { name: 'Tallennetaan…' });
  await expect(saving).toBeFocused();
  await expect(saving).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  release();
  await expect(page).toHaveURL(/\/profiili$/);
  expect(requests).toBe(1);
});

test('an ended session says so, and the draft waits for the next sign-in', async ({ page }) => {
  await signIn(page, 'Ville Hämäläinen', 'organisation:LSHP');
  await fillRegistration(page, { phone: '040 111 2222', email: 'ville@esimerkki.fi', search: 'Seinäjoki' });
  // The session ends (here: signed out from another tab).
  expect(await api(page, 'POST', '/api/sign-out')).toBe(204);
  await page.getByRole('button', { name: 'Tallenna ja jatka' }).click();
  await expect(page.getByRole('alert')).toContainText('Istuntosi on päättynyt');
  const again = page.getByRole('link', { name: 'Kirjaudu uudelleen' });
  await expect(again).toHaveAttribute('href', '/tunnistautuminen?return_to=%2Frekisteroityminen');
  await signIn(page, 'Ville Hämäläinen', 'organisation:LSHP', '/rekisteroityminen');
  await expect(page).toHaveURL(/\/rekisteroityminen$/);
  await expect(page.getByRole('textbox', { name: 'Puhelinnumero' })).toHaveValue('040 111 2222');
  await expect(page.getByRole('button', { name: 'Poista Seinäjoki' })).toBeVisible();
});

test('a second registration is refused and leads to editing, which changes the section', async ({ page }) => {
  await signIn(page, 'Emma Laine', 'organisation:SOITE');
  await expect(page).toHaveURL(/\/rekisteroityminen$/);
  await fillRegistration(page, { phone: '040 333 4444', email: 'emma.uusi@esimerkki.fi', search: 'Kokkola' });
  // Meanwhile the same identity registered in another tab.
  expect(
    await api(page, 'POST', '/api/registration', {
      phone: '040 333 5555',
      email: 'emma@esimerkki.fi',
      organisations: ['organisation:SOITE'],
    }),
  ).toBe(201);
  await page.getByRole('button', { name: 'Tallenna ja jatka' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Olet jo rekisteröitynyt');
  await expectNoAxeViolations(page);
  // The API says the same: 409 already_registered.
  expect(
    await api(page, 'POST', '/api/registration', {
      phone: '040 333 5555',
      email: 'emma@esimerkki.fi',
      organisations: ['organisation:SOITE'],
    }),
  ).toBe(409);

  // "Omat tiedot": the form holds what was typed on the refused registration (not the
  // registration made in the other tab), for the user to check and save.
  await alert.getByRole('link', { name: 'Siirry Omiin tietoihin' }).click();
  await expect(page).toHaveURL(/\/omat-tiedot$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Omat tiedot' })).toBeVisible();
  const phone = page.getByRole('textbox', { name: 'Puhelinnumero' });
  await expect(phone).toHaveValue('040 333 4444');
  await expect(page.getByRole('button', { name: 'Poista Kokkola' })).toBeVisible();
  // No profile yet: the settings say where to make it.
  await expect(page.getByRole('link', { name: 'Siirry tekemään profiili' })).toBeVisible();
  await expectNoAxeViolations(page);
  await phoneScreenshot(page, test.info(), 'fi-settings');

  // Saving the edit, by keyboard.
  await tabTo(page, page.getByRole('button', { name: 'Tallenna muutokset' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Muutokset on tallennettu.' })).toBeVisible();
  let session = await page.evaluate(async () => (await fetch('/api/session')).json());
  expect(session.registration.phone).toBe('+358403334444');
  expect(session.registration.organisations).toEqual(['municipality:272']);

  // The profile, then a group change in settings changes the section's list.
  expect(await api(page, 'POST', '/api/profile', { professional_group: 'physician', wellbeing_county: null })).toBe(201);
  await page.goto('/osio');
  await expect(page.getByRole('heading', { name: 'Masennuslääkityksen seuranta nettiterapian aikana' })).toBeVisible();
  await page.goto('/omat-tiedot');
  const group = page.getByRole('combobox', { name: 'Ammattiryhmä' });
  await expect(group).toHaveValue('physician');
  await group.selectOption('student');
  const county = page.getByRole('combobox', { name: 'Hyvinvointialue (vapaaehtoinen)' });
  await county.selectOption({ label: 'Keski-Pohjanmaan hyvinvointialue' });
  await page.getByRole('button', { name: 'Tallenna muutokset' }).last().click();
  await expect(page.getByRole('status').filter({ hasText: 'Muutokset on tallennettu.' })).toBeVisible();
  session = await page.evaluate(async () => (await fetch('/api/session')).json());
  expect(session.profile).toEqual({ professional_group: 'student', wellbeing_county: '18' });
  await page.goto('/osio');
  await expect(page.getByRole('heading', { name: 'Opiskelijan johdatus mielenterveystyöhön' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Masennuslääkityksen seuranta nettiterapian aikana' })).toHaveCount(0);

  // The registration page itself now says the account exists and leads to settings.
  await page.goto('/rekisteroityminen');
  await expect(page.getByText('Olet jo rekisteröitynyt. Voit muuttaa tietojasi Omat tiedot -sivulla.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Siirry Omiin tietoihin' })).toBeVisible();
});
