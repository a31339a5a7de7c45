// The professionals' section shows exactly what the server sent for the user's group: two
// groups see different lists. Signed out, it offers sign-in; without a profile, it says why.
import { test, expect } from '@playwright/test';
import { api, expectNoAxeViolations } from './support.js';

async function signInAs(page, name, provider) {
  await page.goto(`/auth/dev?provider=${provider}&return_to=/osio`);
  await page.getByRole('button', { name }).click();
  // Not registered yet: sign-in lands on the registration, keeping the way back to the section.
  await expect(page).toHaveURL(/\/rekisteroityminen\?return_to=%2Fosio$/);
}

async function registerWithGroup(page, group) {
  expect(
    await api(page, 'POST', '/api/registration', {
      phone: '040 123 4567',
      email: 'testi@esimerkki.fi',
      organisations: ['municipality:091'],
    }),
  ).toBe(201);
  expect(await api(page, 'POST', '/api/profile', { professional_group: group, wellbeing_county: null })).toBe(201);
}

test('signed out, the section offers sign-in that returns to it', async ({ page }) => {
  await page.goto('/osio');
  const link = page.getByRole('link', { name: 'Kirjaudu palveluun nähdäksesi aineistot.' });
  await expect(link).toHaveAttribute('href', '/tunnistautuminen?return_to=%2Fosio');
});

test('a physician and a student see the lists of their own groups', async ({ browser }) => {
  const physician = await (await browser.newContext()).newPage();
  await signInAs(physician, 'Eero Korhonen', 'organisation:OYS');
  await physician.goto('/osio');
  await expect(physician.getByText('Aineistot näkyvät, kun olet rekisteröitynyt')).toBeVisible();
  await expect(physician.getByRole('link', { name: 'Siirry rekisteröitymiseen' })).toBeVisible();
  await registerWithGroup(physician, 'physician');
  await physician.goto('/osio');
  await expect(physician.getByRole('heading', { level: 1, name: 'Ammattilaisten aineistot' })).toBeVisible();
  await expect(physician.getByRole('heading', { name: 'Masennuslääkityksen seuranta nettiterapian aikana' })).toBeVisible();
  await expect(physician.getByRole('heading', { name: 'Opiskelijan johdatus mielenterveystyöhön' })).toHaveCount(0);
  await expectNoAxeViolations(physician);

  const student = await (await browser.newContext()).newPage();
  await signInAs(student, 'Matti Meikäläinen', 'suomifi');
  await registerWithGroup(student, 'student');
  await student.goto('/osio');
  await expect(student.getByRole('heading', { name: 'Opiskelijan johdatus mielenterveystyöhön' })).toBeVisible();
  await expect(student.getByRole('heading', { name: 'Masennuslääkityksen seuranta nettiterapian aikana' })).toHaveCount(0);

  // In Swedish, the same items in Swedish.
  await student.getByRole('button', { name: 'Svenska' }).click();
  await expect(student.getByRole('heading', { level: 1, name: 'Material för yrkesverksamma' })).toBeVisible();
  await expect(student.getByRole('heading', { name: 'Introduktion till psykiskt hälsoarbete för studerande' })).toBeVisible();
});
