// The accessibility statement and the privacy notice (SPEC §6): reached from the footer of
// every page without signing in, in Finnish (by keyboard alone), Swedish and English; they show
// the operator's facts the server is configured with (in this test server, the development
// examples, which say they are examples), and axe finds no WCAG 2.1 A/AA violation, at the
// default width and at 360 px.
import { test, expect } from '@playwright/test';
import { PHONE, expectNoAxeViolations, phoneScreenshot, tabTo } from './support.js';

const LANGUAGES = [
  {
    lang: 'fi',
    button: null,
    keyboard: true,
    accessibility: 'Saavutettavuusseloste',
    privacy: 'Tietosuojaseloste',
    examples: 'Ylläpitäjän tiedot tällä sivulla ovat esimerkkejä',
    statementDate: 'Seloste on laadittu 1.6.2025.',
    assessedDate: 'Saavutettavuus on arvioitu viimeksi 20.5.2025.',
    conformance: 'Palvelu täyttää osittain WCAG 2.1',
    authority: 'Liikenne- ja viestintävirasto Traficom',
    items: ['Tunniste', 'Yhteystiedot', 'Yhteistyöorganisaatiot', 'Ammattiryhmä', 'Hyvinvointialue', 'Tallennusajat', 'Kirjautumisistunto', 'Roolit rekisteröintipisteiden hallinnassa', 'Muutosloki', 'Organisaatioiden asiakastilit ja sopimukset', 'Palvelusuhdetodistukset ja korttitilaukset'],
    settings: 'Siirry Omiin tietoihin',
  },
  {
    lang: 'sv',
    button: 'Svenska',
    keyboard: false,
    accessibility: 'Tillgänglighetsutlåtande',
    privacy: 'Dataskyddsbeskrivning',
    examples: 'Uppgifterna om den som tillhandahåller tjänsten är exempel',
    statementDate: 'Utlåtandet har utarbetats 1.6.2025.',
    assessedDate: 'Tillgängligheten bedömdes senast 20.5.2025.',
    conformance: 'Tjänsten uppfyller delvis tillgänglighetskraven',
    authority: 'Transport- och kommunikationsverket Traficom',
    items: ['Identifierare', 'Kontaktuppgifter', 'Samarbetsorganisationer', 'Yrkesgrupp', 'Välfärdsområde', 'Tidpunkter', 'Inloggningssession', 'Roller i administrationen av registreringspunkter', 'Ändringslogg', 'Organisationers kundkonton och avtal', 'Intyg om anställningsförhållande och kortbeställningar'],
    settings: 'Gå till Mina uppgifter',
  },
  {
    lang: 'en',
    button: 'English',
    keyboard: false,
    accessibility: 'Accessibility statement',
    privacy: 'Privacy notice',
    examples: 'The details of the service provider on this page are examples',
    statementDate: 'This statement was prepared on 1 June 2025.',
    assessedDate: 'Accessibility was last assessed on 20 May 2025.',
    conformance: 'The service partially conforms',
    authority: 'Finnish Transport and Communications Agency Traficom',
    items: ['Identifier', 'Contact details', 'Cooperation organisations', 'Professional group', 'Wellbeing services county', 'Times of saving', 'Sign-in session', 'Roles in the registration-point administration', 'Change log', "Organisations' customer accounts and contracts", 'Service relationship certificates and card orders'],
    settings: 'Go to My details',
  },
];

// Follows the footer link named `name`: by Tab and Enter, or by a click.
async function followFooterLink(page, name, keyboard) {
  const link = page.getByRole('contentinfo').getByRole('link', { name, exact: true });
  if (keyboard) {
    await page.locator('body').focus();
    await tabTo(page, link, { limit: 100 });
    await page.keyboard.press('Enter');
  } else {
    await link.click();
  }
}

async function expectNoAxeViolationsAtPhoneWidthToo(page) {
  await expectNoAxeViolations(page);
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await expectNoAxeViolations(page);
  await page.setViewportSize(size);
}

for (const w of LANGUAGES) {
  test(`the statement and the notice from the footer, ${w.keyboard ? 'by keyboard, ' : ''}in ${w.lang}`, async ({ page, request }, testInfo) => {
    const facts = await (await request.get('/api/operator')).json();
    expect(facts.examples).toBe(true);
    expect(facts.controller_name).toContain('Esimerkki');
    expect(facts.accessibility_feedback).toMatch(/@example\.invalid$/);

    await page.goto('/');
    if (w.button) {
      await page.getByRole('button', { name: w.button }).click();
    }
    await expect(page.locator('html')).toHaveAttribute('lang', w.lang);

    // The accessibility statement.
    await followFooterLink(page, w.accessibility, w.keyboard);
    await expect(page).toHaveURL(/\/saavutettavuusseloste$/);
    await expect(page.getByRole('heading', { level: 1, name: w.accessibility })).toBeVisible();
    await expect(page).toHaveTitle(`${w.accessibility} – Mielenterveystalo`);
    const main = page.getByRole('main');
    await expect(main).toContainText(facts.controller_name);
    await expect(main).toContainText(w.examples);
    await expect(main).toContainText(w.conformance);
    await expect(main).toContainText(w.statementDate);
    await expect(main).toContainText(w.assessedDate);
    await expect(main).toContainText(w.authority);
    await expect(main.getByRole('link', { name: facts.accessibility_feedback })).toHaveAttribute(
      'href',
      `mailto:${facts.accessibility_feedback}`,
    );
    await expect(main.getByRole('link', { name: /saavutettavuusvaatimukset\.fi/i })).toHaveAttribute(
      'href',
      'https://www.saavutettavuusvaatimukset.fi/',
    );
    await expectNoAxeViolationsAtPhoneWidthToo(page);
    await phoneScreenshot(page, testInfo, `accessibility-statement-${w.lang}`);

    // The privacy notice, from the statement's own footer.
    await followFooterLink(page, w.privacy, w.keyboard);
    await expect(page).toHaveURL(/\/tietosuojaseloste$/);
    await expect(page.getByRole('heading', { level: 1, name: w.privacy })).toBeVisible();
    await expect(page).toHaveTitle(`${w.privacy} – Mielenterveystalo`);
    await expect(main).toContainText(facts.controller_name);
    await expect(main).toContainText(facts.controller_contact);
    await expect(main).toContainText(facts.data_protection_officer);
    await expect(main).toContainText(w.examples);
    const items = main.getByRole('heading', { level: 3 });
    await expect(items).toHaveText(w.items);
    await expect(main.getByRole('link', { name: w.settings })).toHaveAttribute('href', '/omat-tiedot');
    await expectNoAxeViolationsAtPhoneWidthToo(page);
    await phoneScreenshot(page, testInfo, `privacy-notice-${w.lang}`);
  });
}

test('every page has the footer, and both pages open by address without signing in', async ({ page }) => {
  for (const path of ['/', '/tunnistautuminen', '/osio', '/no/such/page']) {
    await page.goto(path);
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: 'Saavutettavuusseloste' })).toHaveAttribute('href', '/saavutettavuusseloste');
    await expect(footer.getByRole('link', { name: 'Tietosuojaseloste' })).toHaveAttribute('href', '/tietosuojaseloste');
  }
  await page.goto('/tietosuojaseloste');
  await expect(page.getByRole('heading', { level: 1, name: 'Tietosuojaseloste' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Kirjautumisistunto' })).toBeVisible();
  await page.goto('/saavutettavuusseloste');
  await expect(page.getByRole('heading', { level: 1, name: 'Saavutettavuusseloste' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'saavutettavuus@example.invalid' })).toBeVisible();
});
