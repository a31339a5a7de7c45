// The registration-point administration (SPEC §5), end to end on the real server, its
// demonstration data and the test SMTP server: customer accounts, invitations read from the
// email the SMTP server received, card contracts, registration points, authorisations and the
// audit log. Each screen is checked with axe; every step is taken by keyboard alone (Tab to
// the element, then Enter, the arrows or typing), only the development provider's sign-in
// page and a typed address excepted.
import { test, expect } from '@playwright/test';
import { arrowTo, expectNoAxeViolations, PHONE, phoneScreenshot, signIn, tabTo } from './support.js';
import { linkIn, waitForMessageTo } from './smtp.js';
import { act, choose, key, signedIn, typeInto } from './admin.js';

// Each test is a whole story across several people's browsers.
test.describe.configure({ timeout: 120_000 });

const PRIVATE = 'Esimerkki Terveyspalvelut Oy';
const RESCUE = 'Esimerkin pelastuslaitos';
const COUNTY = 'Keski-Uudenmaan hyvinvointialue';
const COUNTY_OWNER = `${COUNTY} (9000003-8)`;

async function openAccount(page, name) {
  await key(page, page.getByRole('link', { name, exact: true }));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

// Applies for a contract of `kind` (its option's label) and submits it.
async function applyAndSubmit(page, kind) {
  await choose(page, page.getByLabel('Sopimuksen laji'), kind);
  await key(page, page.getByRole('button', { name: 'Tee luonnos' }));
  const pending = page.getByRole('region', { name: 'Keskeneräiset asiat' });
  await expect(pending.getByRole('heading', { name: `${kind}, luonnos` })).toBeVisible();
  await expectNoAxeViolations(page);
  await act(page, `Toiminnot: ${kind}, luonnos`, 'Lähetä käsiteltäväksi');
  await expect(
    pending.getByRole('heading', { name: `${kind}, lähetetty käsiteltäväksi` }),
  ).toBeVisible();
}

// The service number of the county's point `name`, as its list shows it.
async function serviceNumberOf(page, name) {
  const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  const number = row.locator('dt', { hasText: 'Sähköinen asiointinumero' }).locator('xpath=following-sibling::dd[1]');
  return (await number.innerText()).trim();
}

async function authorise(page, number) {
  const field = page.getByLabel('Sähköinen asiointinumero');
  await typeInto(page, field, number);
  await page.keyboard.press('Enter');
}

test('officer, administrators and a county: contracts, points, authorisations and the log (fi)', async ({ browser }, testInfo) => {
  // The county's administrator: the point to authorise, and its number.
  const county = await signedIn(browser, 'Kalle Koskinen');
  await expectNoAxeViolations(county);
  await openAccount(county, COUNTY);
  await key(county, county.getByRole('button', { name: 'Näytä rekisteröintipistetilaukset' }));
  const pointName = `${COUNTY}, rekisteröintipiste 1`;
  await expect(county.getByRole('heading', { name: pointName })).toBeVisible();
  const number = await serviceNumberOf(county, pointName);
  expect(number).toMatch(/^\d{4} \d{4}$/);
  await expectNoAxeViolations(county);

  // The private organisation and the rescue department apply for their contracts.
  const privateAdmin = await signedIn(browser, 'Pia Parviainen');
  await openAccount(privateAdmin, PRIVATE);
  await expect(privateAdmin.getByText('Rekisteröintipisteen voi valtuuttaa, kun organisaation toimikorttisopimus on myönnetty.')).toBeVisible();
  await applyAndSubmit(privateAdmin, 'Toimikorttisopimus');
  const rescueAdmin = await signedIn(browser, 'Risto Rantanen');
  await openAccount(rescueAdmin, RESCUE);
  await applyAndSubmit(rescueAdmin, 'Toimikorttisopimus');

  // The agency officer grants both.
  const officer = await signedIn(browser, 'Outi Ojala');
  await expectNoAxeViolations(officer);
  await key(officer, officer.getByRole('link', { name: 'Ratkaistavat sopimukset' }));
  await expect(officer.getByRole('heading', { level: 1, name: 'Ratkaistavat sopimukset' })).toBeVisible();
  // Each row names whose contract it is.
  await expect(officer.getByText(new RegExp(`^${PRIVATE} \\(\\d{7}-\\d\\)$`))).toBeVisible();
  await expect(officer.getByText(new RegExp(`^${RESCUE} \\(\\d{7}-\\d\\)$`))).toBeVisible();
  await expectNoAxeViolations(officer);
  for (const owner of [PRIVATE, RESCUE]) {
    const menu = officer.getByRole('button', { name: new RegExp(`^Toiminnot: Toimikorttisopimus, lähetetty käsiteltäväksi – ${owner}`) });
    await tabTo(officer, menu, { limit: 300 });
    await officer.keyboard.press('Enter');
    await expect(officer.getByRole('menuitem', { name: 'Myönnä' })).toBeFocused();
    await officer.keyboard.press('Enter');
    await expect(menu).toHaveCount(0);
  }
  await expect(officer.getByText('Ei ratkaistavaa.')).toBeVisible();

  // The applicants see the decision among their decided matters.
  await privateAdmin.reload();
  const decided = privateAdmin.getByRole('region', { name: 'Valmiit asiat' });
  await expect(decided.getByRole('heading', { name: 'Toimikorttisopimus, myönnetty' })).toBeVisible();
  await expectNoAxeViolations(privateAdmin);

  // The private organisation's administrator invites a user; the link comes by email, read
  // from the SMTP server that received it; the person accepts it after signing in.
  const address = `kutsuttu-${Date.now()}@esimerkki.fi`;
  await typeInto(privateAdmin, privateAdmin.getByLabel('Sähköpostiosoite'), 'kutsuttu@');
  await key(privateAdmin, privateAdmin.getByRole('button', { name: 'Lähetä kutsu' }));
  await expect(privateAdmin.locator('.app-error-summary:not([hidden])')).toBeFocused();
  await typeInto(privateAdmin, privateAdmin.getByLabel('Sähköpostiosoite'), address);
  await key(privateAdmin, privateAdmin.getByRole('button', { name: 'Lähetä kutsu' }));
  await expect(privateAdmin.getByRole('status').filter({ hasText: address })).toBeVisible();
  const invitations = privateAdmin.getByRole('region', { name: 'Käyttäjien hallinta' });
  await expect(invitations.getByRole('heading', { name: address })).toBeVisible();
  await expectNoAxeViolations(privateAdmin);
  const message = await waitForMessageTo(address);
  expect(message.subject).toContain(PRIVATE);
  const link = new URL(linkIn(message, '/hallinta/kutsu?token='));
  const invited = await (await browser.newContext({ baseURL: process.env.MTT_BASE_URL })).newPage();
  await invited.goto(link.pathname + link.search);
  await expect(invited.getByText('Kirjaudu sisään hyväksyäksesi kutsun.')).toBeVisible();
  await expectNoAxeViolations(invited);
  await signIn(invited, 'Joonas Jokela', 'suomifi', link.pathname + link.search);
  await expect(invited).toHaveURL(/\/hallinta\/kutsu\?token=/);
  await expect(invited.locator('.admin-facts')).toContainText(PRIVATE);
  await expectNoAxeViolations(invited);
  await key(invited, invited.getByRole('button', { name: 'Hyväksy kutsu' }));
  await expect(invited.getByText('Kutsu on hyväksytty.')).toBeVisible();
  await key(invited, invited.getByRole('link', { name: 'Siirry asiakkuuteen' }));
  await expect(invited.getByRole('heading', { level: 1, name: PRIVATE })).toBeVisible();
  await expectNoAxeViolations(invited);
  // The link is single-use.
  await invited.goto(link.pathname + link.search);
  await expect(invited.getByRole('alert').filter({ hasText: 'Kutsu on jo käytetty.' })).toBeVisible();
  await privateAdmin.reload();
  await expect(privateAdmin.getByRole('heading', { name: 'Joonas Jokela' })).toBeVisible();
  const accepted = privateAdmin.getByRole('listitem').filter({ has: privateAdmin.getByRole('heading', { name: address }) });
  await expect(accepted.getByText('hyväksytty', { exact: true })).toBeVisible();

  // The private organisation authorises the point: a wrong number first, then the right one.
  await authorise(privateAdmin, '1000 0041');
  await expect(privateAdmin.locator('.app-error-summary:not([hidden])')).toBeFocused();
  await expect(privateAdmin.getByText('Sähköisessä asiointinumerossa on kirjoitusvirhe').first()).toBeVisible();
  await expect(privateAdmin.getByLabel('Sähköinen asiointinumero')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(privateAdmin);
  await authorise(privateAdmin, number);
  const confirmation = privateAdmin.getByRole('heading', { name: 'Tarkista rekisteröintipiste' });
  await expect(confirmation).toBeVisible();
  await expect(privateAdmin.locator('.admin-confirm')).toContainText(pointName);
  await expect(privateAdmin.locator('.admin-confirm')).toContainText(COUNTY);
  await expectNoAxeViolations(privateAdmin);
  await key(privateAdmin, privateAdmin.getByRole('button', { name: 'Valtuuta tämä rekisteröintipiste' }));
  await expect(privateAdmin.getByRole('status').filter({ hasText: `Valtuutettu: ${pointName}` })).toBeVisible();
  const authorisations = privateAdmin.getByRole('region', { name: 'Valtuutukset' });
  await expect(authorisations.getByRole('heading', { name: pointName })).toBeVisible();
  // Twice is refused with its code's message.
  await authorise(privateAdmin, number);
  await key(privateAdmin, privateAdmin.getByRole('button', { name: 'Valtuuta tämä rekisteröintipiste' }));
  await expect(privateAdmin.getByRole('alert').filter({ hasText: 'Tämä rekisteröintipiste on jo valtuutettu.' })).toBeVisible();
  await expect(privateAdmin.getByText('Virhekoodi: already_authorised')).toBeVisible();

  // The rescue department is refused: the county has no "Valtionhallinnon sopimus".
  await rescueAdmin.reload();
  await authorise(rescueAdmin, number);
  await key(rescueAdmin, rescueAdmin.getByRole('button', { name: 'Valtuuta tämä rekisteröintipiste' }));
  await expect(rescueAdmin.getByRole('alert').filter({ hasText: 'ei ole myönnettyä Valtionhallinnon sopimusta' })).toBeVisible();
  await expectNoAxeViolations(rescueAdmin);

  // The county applies for it, the officer grants it, and the rescue department succeeds.
  await county.reload();
  await applyAndSubmit(county, 'Valtionhallinnon sopimus');
  await officer.reload();
  await act(officer, `Toiminnot: Valtionhallinnon sopimus, lähetetty käsiteltäväksi – ${COUNTY_OWNER}`, 'Myönnä');
  await expect(officer.getByText('Ei ratkaistavaa.')).toBeVisible();
  await rescueAdmin.reload();
  await authorise(rescueAdmin, number);
  await key(rescueAdmin, rescueAdmin.getByRole('button', { name: 'Valtuuta tämä rekisteröintipiste' }));
  await expect(rescueAdmin.getByRole('status').filter({ hasText: `Valtuutettu: ${pointName}` })).toBeVisible();

  // The county's administrator sees both as the point's customers "YS sote/organisaatio".
  await county.reload();
  await key(county, county.getByRole('button', { name: 'Näytä rekisteröintipistetilaukset' }));
  await key(county, county.getByRole('button', { name: `Näytä asiakkaat: ${pointName}` }));
  const customers = county.locator(`[id^="customers-"]`).filter({ hasText: 'YS sote/organisaatio' });
  await expect(customers.getByText(PRIVATE)).toBeVisible();
  await expect(customers.getByText(RESCUE)).toBeVisible();
  await expect(customers.getByText('YS sote/organisaatio')).toHaveCount(2);
  await expectNoAxeViolations(county);

  // The county's contract prints with its main point's service number.
  await act(county, 'Toiminnot: Toimikorttisopimus, myönnetty', 'Tulosta sopimus');
  await expect(county.getByRole('heading', { level: 1, name: 'Toimikorttisopimus' })).toBeVisible();
  await expect(county.locator('.admin-service-number')).toHaveText(/^\d{4} \d{4}$/);
  await expectNoAxeViolations(county);

  // The audit log shows each step, to the officer.
  await officer.goto('/hallinta/muutosloki');
  for (const action of [
    'Kutsu lähetetty',
    'Kutsu hyväksytty',
    'Sopimusluonnos tehty',
    'Sopimus lähetetty käsiteltäväksi',
    'Sopimus myönnetty',
    'Rekisteröintipiste valtuutettu',
  ]) {
    await expect(officer.getByRole('heading', { name: action }).first()).toBeVisible();
  }
  await expectNoAxeViolations(officer);
  await phoneScreenshot(officer, testInfo, 'administration-audit');
});

test('a county orders a point, the officer approves it and a customer authorises it (sv, 360 px)', async ({ browser }, testInfo) => {
  expect(PHONE.width).toBe(360);
  const county = await signedIn(browser, 'Kalle Koskinen', { viewport: PHONE });
  await key(county, county.getByRole('button', { name: 'Svenska' }));
  await expect(county.getByRole('heading', { level: 1, name: 'Administration av registreringspunkter' })).toBeVisible();
  await expectNoAxeViolations(county);
  await openAccount(county, COUNTY);
  await expect(county.getByRole('heading', { name: 'Pågående ärenden' })).toBeVisible();
  // A wrong form first: the error summary, then the order.
  await typeInto(county, county.getByLabel('Registreringspunktens namn'), 'K');
  await key(county, county.getByRole('button', { name: 'Beställ registreringspunkten' }));
  await expect(county.locator('.app-error-summary:not([hidden])')).toBeFocused();
  await expectNoAxeViolations(county);
  await typeInto(county, county.getByLabel('Registreringspunktens namn'), 'Keravan sote-asema');
  await typeInto(county, county.getByLabel('Postadress', { exact: true }), 'Metsolantie 2, 04200 Kerava');
  // The draft survives a reload.
  await county.reload();
  await expect(county.getByLabel('Postadress', { exact: true })).toHaveValue('Metsolantie 2, 04200 Kerava');
  await key(county, county.getByRole('button', { name: 'Beställ registreringspunkten' }));
  await expect(county.getByText('Beställningen har skickats')).toBeVisible();
  await expect(county.getByRole('heading', { name: 'Keravan sote-asema' })).toBeVisible();
  await phoneScreenshot(county, testInfo, 'administration-order-sv');

  const officer = await signedIn(browser, 'Outi Ojala', { viewport: PHONE });
  await key(officer, officer.getByRole('button', { name: 'Svenska' }));
  await key(officer, officer.getByRole('link', { name: 'Beställningar av registreringspunkter' }));
  await expect(officer.getByText(COUNTY)).toBeVisible();
  await expectNoAxeViolations(officer);
  const menu = officer.getByRole('button', { name: 'Åtgärder: Keravan sote-asema' });
  await tabTo(officer, menu, { limit: 300 });
  await officer.keyboard.press('ArrowDown');
  await expect(officer.getByRole('menuitem', { name: 'Godkänn' })).toBeFocused();
  await expectNoAxeViolations(officer);
  // Escape closes the menu and gives the focus back.
  await officer.keyboard.press('Escape');
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await act(officer, 'Åtgärder: Keravan sote-asema', 'Godkänn');
  await expect(officer.getByText('Inget att avgöra.')).toBeVisible();

  await county.reload();
  await key(county, county.getByRole('button', { name: 'Visa beställningar av registreringspunkter' }));
  const row = county.getByRole('listitem').filter({ has: county.getByRole('heading', { name: 'Keravan sote-asema', exact: true }) });
  await expect(row.getByText('godkänd')).toBeVisible();
  const number = (await row.locator('dt', { hasText: 'Elektroniskt ärendenummer' }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
  expect(number).toMatch(/^\d{4} \d{4}$/);

  const privateAdmin = await signedIn(browser, 'Pia Parviainen', { viewport: PHONE });
  await key(privateAdmin, privateAdmin.getByRole('button', { name: 'Svenska' }));
  await openAccount(privateAdmin, PRIVATE);
  await typeInto(privateAdmin, privateAdmin.getByLabel('Elektroniskt ärendenummer'), number);
  await key(privateAdmin, privateAdmin.getByLabel('Elektroniskt ärendenummer'));
  await expect(privateAdmin.getByRole('heading', { name: 'Kontrollera registreringspunkten' })).toBeVisible();
  await expectNoAxeViolations(privateAdmin);
  await key(privateAdmin, privateAdmin.getByRole('button', { name: 'Befullmäktiga den här registreringspunkten' }));
  await expect(privateAdmin.getByRole('status').filter({ hasText: 'Befullmäktigad: Keravan sote-asema' })).toBeVisible();
  // Revoking stops it at once.
  await act(privateAdmin, 'Åtgärder: Keravan sote-asema', 'Återkalla fullmakten');
  const revoked = privateAdmin.getByRole('listitem').filter({ has: privateAdmin.getByRole('heading', { name: 'Keravan sote-asema', exact: true }) });
  await expect(revoked.getByText(/^Återkallad /)).toBeVisible();
  await expectNoAxeViolations(privateAdmin);
  await phoneScreenshot(privateAdmin, testInfo, 'administration-authorisations-sv');
  const width = await privateAdmin.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});

// A business ID with its check digit (modulus 11, weights 7 9 10 5 8 4 2), from the first
// seven-digit number at or after `from` that has one.
function businessId(from) {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  for (let number = from; ; number += 1) {
    const digits = String(number).padStart(7, '0');
    const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
    const remainder = sum % 11;
    if (remainder !== 1) {
      return `${digits}-${remainder === 0 ? 0 : 11 - remainder}`;
    }
  }
}

// Opens a customer account as the officer (sv) and invites its first person; returns the
// invitation's link as the email that the SMTP server received has it.
async function inviteByEmail(page, address, role) {
  await typeInto(page, page.getByLabel('E-postadress'), address);
  await choose(page, page.getByLabel('Inbjudans språk'), 'Svenska');
  await choose(page, page.getByLabel('Roll'), role);
  await key(page, page.getByRole('button', { name: 'Skicka inbjudan' }));
  await expect(page.getByRole('status').filter({ hasText: address })).toBeVisible();
  const message = await waitForMessageTo(address);
  expect(message.subject).toMatch(/^Inbjudan till kundkontot: /);
  const link = new URL(linkIn(message, '/hallinta/kutsu?token='));
  return link.pathname + link.search;
}

// A person signs in through the invitation's link and accepts it (sv, 360 px).
async function accept(browser, name, link) {
  const context = await browser.newContext({ baseURL: process.env.MTT_BASE_URL, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(link);
  await key(page, page.getByRole('button', { name: 'Svenska' }));
  await expect(page.getByText('Logga in för att godkänna inbjudan.')).toBeVisible();
  await signIn(page, name, 'suomifi', link);
  await expect(page).toHaveURL(/\/hallinta\/kutsu\?token=/);
  await key(page, page.getByRole('button', { name: 'Godkänn inbjudan' }));
  await expect(page.getByText('Inbjudan har godkänts.')).toBeVisible();
  await expectNoAxeViolations(page);
  await key(page, page.getByRole('link', { name: 'Gå till kundkontot' }));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page;
}

async function applyAndSubmitSv(page, kind) {
  await choose(page, page.getByLabel('Typ av avtal'), kind);
  await key(page, page.getByRole('button', { name: 'Gör ett utkast' }));
  await act(page, `Åtgärder: ${kind}, utkast`, 'Skicka för behandling');
  await expect(
    page.getByRole('region', { name: 'Pågående ärenden' }).getByRole('heading', { name: `${kind}, skickat för behandling` }),
  ).toBeVisible();
}

async function grantSv(officer, kind, owner) {
  await officer.goto('/hallinta/sopimukset');
  const menu = officer.getByRole('button', { name: new RegExp(`^Åtgärder: ${kind}, skickat för behandling – ${owner} \\(`) });
  await tabTo(officer, menu, { limit: 300 });
  await officer.keyboard.press('Enter');
  await arrowTo(officer, officer.getByRole('menuitem', { name: 'Bevilja', exact: true }));
  await officer.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
}

async function authoriseSv(page, number) {
  const field = page.getByLabel('Elektroniskt ärendenummer');
  await typeInto(page, field, number);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kontrollera registreringspunkten' })).toBeVisible();
  await key(page, page.getByRole('button', { name: 'Befullmäktiga den här registreringspunkten' }));
}

test('the whole story in Swedish at 360 px: new accounts, invitations, contracts, authorisations', async ({ browser }, testInfo) => {
  // Addresses of this run only: the SMTP server may keep an earlier run's messages.
  const run = Date.now();
  const HELSINKI = 'Helsingin kaupunki';
  const privateName = 'Exempel Vård Ab';
  const rescueName = 'Exempelstadens räddningsverk';
  const officer = await signedIn(browser, 'Outi Ojala', { viewport: PHONE });
  await key(officer, officer.getByRole('button', { name: 'Svenska' }));

  // The point: Helsinki's first, whose county has no "Valtionhallinnon sopimus" yet.
  await key(officer, officer.getByRole('link', { name: 'Kundkonton' }));
  await openAccount(officer, HELSINKI);
  await key(officer, officer.getByRole('button', { name: 'Visa beställningar av registreringspunkter' }));
  const pointName = `${HELSINKI}, rekisteröintipiste 1`;
  const pointRow = officer.getByRole('listitem').filter({ has: officer.getByRole('heading', { name: pointName, exact: true }) });
  const number = (await pointRow.locator('dt', { hasText: 'Elektroniskt ärendenummer' }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
  expect(number).toMatch(/^\d{4} \d{4}$/);
  // The officer invites the county's administrator.
  const countyLink = await inviteByEmail(officer, `forvaltare-${run}@helsingfors.example`, 'Huvudanvändare');

  // The officer opens the private organisation's and the rescue department's accounts, a wrong
  // business ID first, and invites each one's first administrator.
  const opened = {};
  for (const [name, kind, base, address] of [
    [privateName, 'Privat social- och hälsovårdsorganisation', 8000100, `forvaltare-${run}@vard.example`],
    [rescueName, 'Räddningsverk', 8000200, `forvaltare-${run}@raddning.example`],
  ]) {
    await officer.goto('/hallinta/asiakkuudet');
    await typeInto(officer, officer.getByLabel('Organisationens namn'), name);
    const id = businessId(base);
    const wrong = `${id.slice(0, 8)}${(Number(id.slice(8)) + 1) % 10}`;
    await typeInto(officer, officer.getByLabel('FO-nummer'), wrong);
    await choose(officer, officer.getByLabel('Typ av kundkonto'), kind);
    await key(officer, officer.getByRole('button', { name: 'Öppna kundkontot' }));
    await expect(officer.locator('.app-error-summary:not([hidden])')).toBeFocused();
    await expect(officer.getByLabel('FO-nummer')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(officer);
    await typeInto(officer, officer.getByLabel('FO-nummer'), id);
    await key(officer, officer.getByRole('button', { name: 'Öppna kundkontot' }));
    await expect(officer.getByRole('heading', { level: 1, name })).toBeVisible();
    await expectNoAxeViolations(officer);
    opened[name] = await inviteByEmail(officer, address, 'Huvudanvändare');
  }

  const privateAdmin = await accept(browser, 'Iida Ilmarinen', opened[privateName]);
  await expect(privateAdmin.getByRole('heading', { level: 1, name: privateName })).toBeVisible();
  const rescueAdmin = await accept(browser, 'Joonas Jokela', opened[rescueName]);
  await expect(rescueAdmin.getByRole('heading', { level: 1, name: rescueName })).toBeVisible();

  // Both apply; the officer grants both.
  await applyAndSubmitSv(privateAdmin, 'Avtal om yrkeskort');
  await applyAndSubmitSv(rescueAdmin, 'Avtal om yrkeskort');
  await grantSv(officer, 'Avtal om yrkeskort', privateName);
  await grantSv(officer, 'Avtal om yrkeskort', rescueName);
  await expectNoAxeViolations(officer);

  // The private organisation's administrator invites a user, who accepts after sign-in.
  await privateAdmin.reload();
  const userLink = await inviteByEmail(privateAdmin, `anvandare-${run}@vard.example`, 'Användare');
  const user = await accept(browser, 'Minna Mattila', userLink);
  await expect(user.getByRole('heading', { level: 1, name: privateName })).toBeVisible();

  // The private organisation authorises the point, a wrong number first.
  await privateAdmin.reload();
  await typeInto(privateAdmin, privateAdmin.getByLabel('Elektroniskt ärendenummer'), '1234 5679');
  await key(privateAdmin, privateAdmin.getByLabel('Elektroniskt ärendenummer'));
  await expect(privateAdmin.locator('.app-error-summary:not([hidden])')).toBeFocused();
  await expectNoAxeViolations(privateAdmin);
  // What was typed survives a reload.
  await privateAdmin.reload();
  await expect(privateAdmin.getByLabel('Elektroniskt ärendenummer')).toHaveValue('1234 5679');
  await authoriseSv(privateAdmin, number);
  await expect(privateAdmin.getByRole('status').filter({ hasText: `Befullmäktigad: ${pointName}` })).toBeVisible();

  // The rescue department is refused until the county's "Valtionhallinnon sopimus" is granted.
  await rescueAdmin.reload();
  await authoriseSv(rescueAdmin, number);
  await expect(rescueAdmin.getByRole('alert').filter({ hasText: 'har inget beviljat Statsförvaltningens avtal' })).toBeVisible();
  await expectNoAxeViolations(rescueAdmin);
  const county = await accept(browser, 'Kerttu Kallio', countyLink);
  await expect(county.getByRole('heading', { level: 1, name: HELSINKI })).toBeVisible();
  await applyAndSubmitSv(county, 'Statsförvaltningens avtal');
  await grantSv(officer, 'Statsförvaltningens avtal', HELSINKI);
  await rescueAdmin.reload();
  await authoriseSv(rescueAdmin, number);
  await expect(rescueAdmin.getByRole('status').filter({ hasText: `Befullmäktigad: ${pointName}` })).toBeVisible();

  // The county's administrator sees both as the point's customers.
  await county.reload();
  await key(county, county.getByRole('button', { name: 'Visa beställningar av registreringspunkter' }));
  await key(county, county.getByRole('button', { name: `Visa kunder: ${pointName}` }));
  const customers = county.locator('[id^="customers-"]').filter({ hasText: privateName });
  await expect(customers.getByText(privateName)).toBeVisible();
  await expect(customers.getByText(rescueName)).toBeVisible();
  await expect(customers.getByText('YS social- och hälsovård/organisation')).toHaveCount(2);
  await expectNoAxeViolations(county);
  await phoneScreenshot(county, testInfo, 'administration-customers-sv');

  // The audit log shows each step.
  await officer.goto('/hallinta/muutosloki');
  for (const action of [
    'Kundkontot öppnat',
    'Inbjudan skickad',
    'Inbjudan godkänd',
    'Avtalet beviljat',
    'Registreringspunkt befullmäktigad',
  ]) {
    await expect(officer.getByRole('heading', { name: action }).first()).toBeVisible();
  }
  await expectNoAxeViolations(officer);
  for (const page of [officer, county, privateAdmin, rescueAdmin]) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
});
