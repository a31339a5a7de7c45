// The front page through the real server: the catalogue it shows (compiled into the app from
// `domain`) is the one /api/reference serves, the guide's verdict is
// computed in the browser by the domain rule and agrees with the server's, and axe finds no
// WCAG 2.1 A/AA violation.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations, JSON.stringify(results.violations, null, 2)).toEqual([]);
}

test('front page shows the same catalogue as /api/reference', async ({ page, request }) => {
  const reference = await (await request.get('/api/reference')).json();
  expect(reference.organisations).toHaveLength(8);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Ammattilaisten osio' })).toBeVisible();
  await expect(page).toHaveTitle('Ammattilaisten osio – Mielenterveystalo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
  for (const organisation of reference.organisations) {
    await expect(page.getByText(organisation.name.fi, { exact: false }).first()).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test('the guide gives the same verdict in the browser as the server', async ({ page, request }) => {
  await page.goto('/');
  const workplace = page.getByLabel('Työpaikkani');
  const verdict = page.getByRole('status');

  await expect(verdict).toContainText('henkilökohtainen tunnistautuminen');
  const personal = await (await request.get('/api/sign-in-method')).json();
  expect(personal).toEqual({ method: 'personal' });

  await workplace.selectOption('TYKS');
  await expect(verdict).toContainText('Valitse organisaatiotunnistautuminen: Yliopistosairaanhoitopiirit → TYKS');
  const tyks = await (await request.get('/api/sign-in-method?organisation=TYKS')).json();
  expect(tyks).toEqual({
    method: 'organisation',
    organisation: 'TYKS',
    group: 'university_hospital_districts',
  });
  await expectNoAxeViolations(page);
});

test('the language switch changes the text and lang, and is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sektionen för yrkesverksamma');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sektionen för yrkesverksamma');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveTitle("Professionals' section – Mielenterveystalo");
  await expectNoAxeViolations(page);
});

test('an unknown app route shows the not-found page; an unknown API path is JSON 404', async ({ page, request }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Sivua ei löytynyt' })).toBeVisible();
  await expectNoAxeViolations(page);
  const answer = await request.get('/api/no-such-thing');
  expect(answer.status()).toBe(404);
  expect(await answer.json()).toEqual({ code: 'not_found' });
});
