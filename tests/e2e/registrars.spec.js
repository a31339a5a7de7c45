// The registration-point administration's registrars (SPEC §5, part 2), end to end on the real
// server, its demonstration data and the test SMTP server: a registrar application with its
// training certificate and the officer's grant; a registrar's point with its customers, a
// staff card refused without a service-relationship certificate and ordered after one is
// recorded; the removal of rights that would leave a point one registrar, refused; contact
// emails confirmed by their links and the agency's notice reaching each. Every screen is
// checked with axe at 360 px, in Finnish or Swedish; every step is taken by keyboard alone
// (Tab to the element, then a key), only the development provider's sign-in page, the file
// picker (a native dialog: the file is set on the input reached by Tab) and a link opened from
// an email excepted.
import { test, expect } from '@playwright/test';
import { arrowTo, expectNoAxeViolations, PHONE, phoneScreenshot, signIn, tabTo } from './support.js';
import { linkIn, messagesTo, waitForMessageTo } from './smtp.js';
import { act, choose, key, signedIn, typeInto } from './admin.js';

test.describe.configure({ timeout: 150_000 });

const COUNTY = 'Keski-Uudenmaan hyvinvointialue';
const POINT_1 = `${COUNTY}, rekisteröintipiste 1`;
const POINT_2 = `${COUNTY}, rekisteröintipiste 2`;
const CARE = 'Esimerkin Hoiva Oy';

// A personal identity code of this run (born 1 January 1990), with its check character.
function identityCode(run) {
  const individual = String(2 + (run % 898)).padStart(3, '0');
  const check = '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(`010190${individual}`) % 31];
  return `010190-${individual}${check}`;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

async function chooseFile(page, label, file) {
  const input = page.getByLabel(label, { exact: true });
  await tabTo(page, input, { limit: 300 });
  await input.setInputFiles(file);
}

test('a new registrar applies with the training certificate and the officer grants it (sv, 360 px)', async ({ browser }, testInfo) => {
  const run = Date.now();
  const address = `hanna.hakija.${run}@example.fi`;
  const applicant = await signedIn(browser, 'Hanna Hakija', { viewport: PHONE });
  await key(applicant, applicant.getByRole('button', { name: 'Svenska' }));
  await key(applicant, applicant.getByRole('link', { name: COUNTY, exact: true }));
  await expect(applicant.getByRole('heading', { level: 1, name: COUNTY })).toBeVisible();
  await act(applicant, 'Åtgärder: Avtal om yrkeskort, beviljat', 'Gör en registrerageransökan');
  await expect(applicant.getByRole('heading', { level: 1, name: 'Registrerageransökan' })).toBeVisible();
  await expectNoAxeViolations(applicant);

  // The point with one registrar; an executable named .pdf first: refused by its bytes.
  await key(applicant, applicant.getByRole('checkbox', { name: new RegExp(`^${POINT_2} \\(`) }), ' ');
  await chooseFile(applicant, 'Utbildningsintyg', { name: 'todistus.pdf', mimeType: 'application/pdf', buffer: EXECUTABLE });
  await typeInto(applicant, applicant.getByLabel('E-postadress för beslutet', { exact: true }), address);
  await choose(applicant, applicant.getByLabel('Beslutsmeddelandets språk', { exact: true }), 'Svenska');
  await key(applicant, applicant.getByRole('button', { name: 'Skicka ansökan' }));
  await expect(applicant.getByRole('alert').filter({ hasText: 'Filen är inte en PDF-, PNG- eller JPEG-fil.' })).toBeVisible();
  await expect(applicant.getByText('attachment_type_refused')).toBeVisible();
  await expectNoAxeViolations(applicant);

  // The real certificate: sent, and listed as awaiting a decision.
  await chooseFile(applicant, 'Utbildningsintyg', { name: 'koulutustodistus.pdf', mimeType: 'application/pdf', buffer: PDF });
  await key(applicant, applicant.getByRole('button', { name: 'Skicka ansökan' }));
  await expect(applicant.getByRole('status').filter({ hasText: 'Ansökan har skickats' })).toBeVisible();
  const mine = applicant.getByRole('region', { name: 'Dina registrerageransökningar' });
  await expect(mine.getByText('under behandling')).toBeVisible();
  await expectNoAxeViolations(applicant);
  await phoneScreenshot(applicant, testInfo, 'registrar-application-sv');

  // The officer (sv): the certificate downloads as an attachment, then the grant.
  const officer = await signedIn(browser, 'Outi Ojala', { viewport: PHONE });
  await key(officer, officer.getByRole('button', { name: 'Svenska' }));
  await key(officer, officer.getByRole('link', { name: 'Registrerageransökningar' }));
  await expect(officer.getByRole('heading', { level: 1, name: 'Registrerageransökningar' })).toBeVisible();
  await expectNoAxeViolations(officer);
  const row = officer.getByRole('listitem').filter({ hasText: address });
  const download = officer.waitForEvent('download');
  await key(officer, row.getByRole('link', { name: /^Ladda ner utbildningsintyget/ }));
  expect((await download).suggestedFilename()).toBe('koulutustodistus.pdf');
  await act(officer, 'Åtgärder: Hanna Hakija', 'Bevilja');
  await expect(officer.getByRole('listitem').filter({ hasText: address })).toHaveCount(0);
  await waitForMessageTo(address);

  // The new registrar's front page names the point; its page shows the customers.
  await applicant.goto('/hallinta');
  const tasks = applicant.getByRole('region', { name: 'Registrerarens uppgifter' });
  await key(applicant, tasks.getByRole('link', { name: POINT_2 }));
  await expect(applicant.getByRole('heading', { level: 1, name: POINT_2 })).toBeVisible();
  await expect(applicant.getByRole('region', { name: 'Kunder' }).getByText('Välfärdsområdet självt')).toBeVisible();
  await expectNoAxeViolations(applicant);
  await phoneScreenshot(applicant, testInfo, 'registrar-point-sv');
});

test('a registrar records a certificate after a refused order, orders the card; rights that would leave one registrar stay (fi, 360 px)', async ({ browser }, testInfo) => {
  const run = Date.now();
  const code = identityCode(run);
  const person = `Maija Meikäläinen ${run % 10000}`;
  const registrar = await signedIn(browser, 'Reija Rekisteröijä', { viewport: PHONE });
  const tasks = registrar.getByRole('region', { name: 'Rekisteröijän tehtävät' });
  await key(registrar, tasks.getByRole('link', { name: COUNTY, exact: true }));
  await expect(registrar.getByRole('heading', { level: 1, name: COUNTY })).toBeVisible();
  const customers = registrar.getByRole('region', { name: 'Asiakkaat' });
  await expect(customers.getByRole('heading', { name: CARE })).toBeVisible();
  await expect(customers.getByText('YS sote/organisaatio').first()).toBeVisible();
  await expectNoAxeViolations(registrar);

  // A staff card of the private organisation's staff member: refused without a certificate.
  await choose(registrar, registrar.getByLabel('Asiakas', { exact: true }), CARE);
  await choose(registrar, registrar.getByLabel('Kortti', { exact: true }), 'Henkilökortti');
  await typeInto(registrar, registrar.locator('#order-person-name'), person);
  await typeInto(registrar, registrar.locator('#order-identity-code'), code);
  await key(registrar, registrar.getByRole('button', { name: 'Tilaa kortti' }));
  await expect(registrar.getByRole('alert').filter({ hasText: 'palvelusuhdetodistuksensa on kirjattu' })).toBeVisible();
  await expect(registrar.getByText('certificate_required')).toBeVisible();
  await expectNoAxeViolations(registrar);

  // A wrong check character is refused in the browser, as the server would.
  const certificate = registrar.getByRole('region', { name: 'Kirjaa palvelusuhdetodistus' });
  await choose(registrar, certificate.getByLabel('Organisaatio', { exact: true }), CARE);
  await typeInto(registrar, certificate.getByLabel('Henkilön nimi', { exact: true }), person);
  const wrong = code.slice(0, 10) + (code[10] === 'A' ? 'B' : 'A');
  await typeInto(registrar, certificate.getByLabel('Henkilötunnus', { exact: true }), wrong);
  await typeInto(registrar, certificate.getByLabel('Vastaanotettu', { exact: true }), '2026-12-01');
  await choose(registrar, certificate.getByLabel('Miten vastaanotettu', { exact: true }), 'Postitse');
  await key(registrar, certificate.getByRole('button', { name: 'Kirjaa todistus' }));
  await expect(certificate.getByText('Henkilötunnuksen tarkistusmerkki ei täsmää').first()).toBeVisible();
  await expectNoAxeViolations(registrar);
  await typeInto(registrar, certificate.getByLabel('Henkilötunnus', { exact: true }), code);
  await key(registrar, certificate.getByRole('button', { name: 'Kirjaa todistus' }));
  await expect(certificate.getByRole('status').filter({ hasText: 'Palvelusuhdetodistus on kirjattu.' })).toBeVisible();
  const recorded = registrar.getByRole('region', { name: 'Palvelusuhdetodistukset' });
  await expect(recorded.getByText(`${code.slice(0, 7)}***${code[10]}`)).toBeVisible();
  await expect(registrar.getByText(code, { exact: true })).toHaveCount(0);

  // The same order again: now it goes through, and is listed with the code masked.
  await typeInto(registrar, registrar.locator('#order-identity-code'), code);
  await key(registrar, registrar.getByRole('button', { name: 'Tilaa kortti' }));
  await expect(registrar.getByRole('status').filter({ hasText: 'Kortti on tilattu.' })).toBeVisible();
  const orders = registrar.getByRole('region', { name: 'Korttitilaukset' });
  await expect(orders.getByRole('heading', { name: `Henkilökortti: ${person}` })).toBeVisible();
  // Per customer: the care organisation's orders have it, the county's do not.
  await choose(registrar, orders.getByLabel('Näytä tilaukset', { exact: true }), COUNTY);
  await expect(orders.getByRole('heading', { name: `Henkilökortti: ${person}` })).toHaveCount(0);
  await choose(registrar, orders.getByLabel('Näytä tilaukset', { exact: true }), CARE);
  await expect(orders.getByRole('heading', { name: `Henkilökortti: ${person}` })).toBeVisible();
  await expectNoAxeViolations(registrar);
  await phoneScreenshot(registrar, testInfo, 'registrar-orders-fi');

  // In Swedish, the same screen passes axe too.
  await key(registrar, registrar.getByRole('button', { name: 'Svenska' }));
  await expect(registrar.getByRole('heading', { name: 'Beställ kort' })).toBeVisible();
  await expectNoAxeViolations(registrar);

  // The county's administrator: a point with exactly two registrars keeps both.
  const county = await signedIn(browser, 'Kalle Koskinen', { viewport: PHONE });
  await key(county, county.getByRole('link', { name: COUNTY, exact: true }));
  await key(county, county.getByRole('button', { name: 'Näytä rekisteröintipistetilaukset' }));
  const point = county.getByRole('listitem').filter({ has: county.getByRole('heading', { name: POINT_1, exact: true }) });
  await expect(point.getByText('2', { exact: true })).toBeVisible();
  await key(county, county.getByRole('button', { name: `Näytä rekisteröijät: ${POINT_1}` }));
  const menu = county.getByRole('button', { name: new RegExp(`^Toiminnot: .+, ${POINT_1}$`) }).first();
  await tabTo(county, menu, { limit: 300 });
  await county.keyboard.press('Enter');
  await arrowTo(county, county.getByRole('menuitem', { name: 'Poista rekisteröijän oikeudet' }));
  await county.keyboard.press('Enter');
  await expect(county.getByText('Rekisteröijän oikeuksia ei voi poistaa: rekisteröintipisteeseen jäisi alle kaksi rekisteröijää.')).toBeVisible();
  await expect(county.getByText('Virhekoodi: too_few_registrars')).toBeVisible();
  await expectNoAxeViolations(county);
  // A point with one registrar is marked as such.
  await expect(county.getByText('Alle kaksi rekisteröijää').first()).toBeVisible();
});

// A registrar confirms a contact email by the link the SMTP server received.
async function confirmContact(browser, name, address) {
  const page = await signedIn(browser, name, { viewport: PHONE });
  await key(page, page.getByRole('link', { name: 'Muuta henkilötietoja' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Muuta henkilötietoja' })).toBeVisible();
  await expectNoAxeViolations(page);
  await typeInto(page, page.getByLabel('Uusi sähköpostiosoite', { exact: true }), address);
  await key(page, page.getByRole('button', { name: 'Lähetä vahvistuslinkki' }));
  await expect(page.getByRole('status').filter({ hasText: address })).toBeVisible();
  const message = await waitForMessageTo(address);
  const link = new URL(linkIn(message, '/hallinta/vahvista-sahkoposti?token='));
  await page.goto(link.pathname + link.search);
  await key(page, page.getByRole('button', { name: 'Vahvista sähköpostiosoite' }));
  await expect(page.getByRole('status').filter({ hasText: 'Sähköpostiosoite on vahvistettu.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.context().close();
}

test('the agency’s notice reaches every registrar’s confirmed contact email (fi, 360 px)', async ({ browser }, testInfo) => {
  const run = Date.now();
  const addresses = [`reija.${run}@example.fi`, `rasmus.${run}@example.fi`];
  await confirmContact(browser, 'Reija Rekisteröijä', addresses[0]);
  await confirmContact(browser, 'Rasmus Rekola', addresses[1]);

  const officer = await signedIn(browser, 'Outi Ojala', { viewport: PHONE });
  await key(officer, officer.getByRole('link', { name: 'Tiedotteet rekisteröijille' }));
  await expect(officer.getByRole('heading', { level: 1, name: 'Tiedotteet rekisteröijille' })).toBeVisible();
  await expectNoAxeViolations(officer);
  const subject = `Huoltokatko ${run}`;
  await typeInto(officer, officer.getByLabel('Otsikko', { exact: true }), subject);
  await typeInto(officer, officer.getByLabel('Tiedote', { exact: true }), 'Palvelu on poissa käytöstä lauantaina kello 8–10.');
  await key(officer, officer.getByRole('button', { name: 'Lähetä tiedote kaikille rekisteröijille' }));
  await expect(officer.getByRole('status').filter({ hasText: 'Tiedote on lähetetty.' })).toBeVisible();
  await expect(officer.getByRole('region', { name: 'Lähetetyt tiedotteet' }).getByRole('heading', { name: subject })).toBeVisible();
  await expectNoAxeViolations(officer);
  for (const address of addresses) {
    const message = await waitForMessageTo(address);
    expect(message.subject).toContain(subject);
    expect((await messagesTo(address)).filter((each) => each.subject.includes(subject))).toHaveLength(1);
  }
  await phoneScreenshot(officer, testInfo, 'notices-fi');
});

// Each of the registrars' screens passes axe in Finnish and in Swedish, at 360 px.
test('the registrars’ screens in Finnish and Swedish pass axe (360 px)', async ({ browser }) => {
  const screens = [
    ['Hanna Hakija', '/hallinta'],
    ['Outi Ojala', '/hallinta/rekisteroijahakemukset'],
    ['Outi Ojala', '/hallinta/tiedotteet'],
    ['Reija Rekisteröijä', '/hallinta/henkilotiedot'],
    ['Reija Rekisteröijä', '/hallinta'],
  ];
  for (const [name, path] of screens) {
    const page = await signedIn(browser, name, { viewport: PHONE });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Ladataan' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await key(page, page.getByRole('button', { name: 'Svenska' }));
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expectNoAxeViolations(page);
    await page.context().close();
  }
  // The application's page and a registrar's point, from their links, in both languages.
  const applicant = await signedIn(browser, 'Hanna Hakija', { viewport: PHONE });
  await key(applicant, applicant.getByRole('link', { name: COUNTY, exact: true }));
  await act(applicant, 'Toiminnot: Toimikorttisopimus, myönnetty', 'Tee rekisteröijähakemus');
  await expect(applicant.getByRole('heading', { level: 1, name: 'Rekisteröijähakemus' })).toBeVisible();
  await expectNoAxeViolations(applicant);
  const registrar = await signedIn(browser, 'Rasmus Rekola', { viewport: PHONE });
  const tasks = registrar.getByRole('region', { name: 'Rekisteröijän tehtävät' });
  await key(registrar, tasks.getByRole('link', { name: POINT_2 }));
  await expect(registrar.getByRole('heading', { level: 1, name: POINT_2 })).toBeVisible();
  await expectNoAxeViolations(registrar);
  await key(registrar, registrar.getByRole('button', { name: 'Svenska' }));
  await expect(registrar.getByRole('heading', { name: 'Beställ kort' })).toBeVisible();
  await expectNoAxeViolations(registrar);
});
