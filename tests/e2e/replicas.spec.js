// Several stateless replicas on one PostgreSQL database: `cargo xtask test` starts two servers
// on two ports over one database (MTT_REPLICA_A_URL, MTT_REPLICA_B_URL). A session begun on one
// serves on the other, and what is saved through one is read through the other. Browsers send
// a host's cookies to every port of that host, as a load balancer's single origin would.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './support.js';

const A = process.env.MTT_REPLICA_A_URL;
const B = process.env.MTT_REPLICA_B_URL;

async function session(page) {
  return page.evaluate(async () => (await fetch('/api/session')).json());
}

test('signed in on one replica, the registration and profile are made, edited and read on the other', async ({ page }) => {
  expect(A, 'MTT_REPLICA_A_URL: run with `cargo xtask test`').toBeTruthy();
  expect(B, 'MTT_REPLICA_B_URL: run with `cargo xtask test`').toBeTruthy();
  expect(A).not.toBe(B);

  // Sign in on A: the server lands a new account on the registration form.
  await page.goto(`${A}/auth/dev?provider=${encodeURIComponent('organisation:HUS')}&return_to=%2F`);
  await page.getByRole('button', { name: 'Aino Virtanen' }).click();
  await expect(page).toHaveURL(`${A}/rekisteroityminen`);

  // Register on B, with the session A began.
  await page.goto(`${B}/rekisteroityminen`);
  await page.getByRole('textbox', { name: 'Puhelinnumero' }).fill('040 123 4567');
  await page.getByRole('textbox', { name: 'Sähköpostiosoite' }).fill('aino@esimerkki.fi');
  const picker = page.getByRole('combobox', { name: 'Hae organisaatiota tai kuntaa' });
  await picker.fill('Vantaa');
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await page.getByRole('button', { name: 'Tallenna ja jatka' }).click();
  await expect(page).toHaveURL(`${B}/profiili`);
  const registered = (await session(page)).registration;
  expect(registered.organisations).toHaveLength(1);

  // The profile on A.
  await page.goto(`${A}/profiili`);
  await page.getByRole('combobox', { name: 'Ammattiryhmä' }).selectOption('psychologist');
  await page.getByRole('button', { name: 'Tallenna profiili' }).click();
  await expect(page.getByRole('heading', { name: 'Olet nyt rekisteröitynyt ammattilaiskäyttäjäksi' })).toBeVisible();

  // Edit on B, read on A.
  await page.goto(`${B}/omat-tiedot`);
  const phone = page.getByRole('textbox', { name: 'Puhelinnumero' });
  await expect(phone).toHaveValue('+358401234567');
  await phone.fill('050 765 4321');
  await page.getByRole('button', { name: 'Tallenna muutokset' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Muutokset on tallennettu.' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`${A}/omat-tiedot`);
  const read = await session(page);
  expect(read.identity.first_name).toBe('Aino');
  expect(read.registration.phone).toBe('+358507654321');
  expect(read.registration.organisations).toEqual(registered.organisations);
  expect(read.profile).toEqual({ professional_group: 'psychologist', wellbeing_county: null });
});
