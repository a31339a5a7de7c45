// The whole professional flow by keyboard alone, in Finnish, Swedish and English: front page,
// sign-in, registration (every validation error shown and fixed, the organisation combobox,
// a reload mid-form that keeps the draft), profile, and the content list. axe on every screen
// and state, and a 360×740 screenshot of each screen.
import { test, expect } from '@playwright/test';
import { PHONE, drafts, expectNoAxeViolations, phoneScreenshot, tabTo } from './support.js';

// The whole flow on a phone-sized screen.
test.use({ viewport: PHONE });

const LANGUAGES = [
  {
    lang: 'fi', button: null, identity: 'Maija Meikäläinen',
    menu: 'Kirjaudu palveluun', entry: 'Ammattilaisten osio', role: 'Olen ammattilainen',
    personal: 'Siirry Suomi.fi-tunnistukseen',
    // The HUS guide's words for the personal choice, carried in the link's accessible name.
    personalGuide: 'Siirry Suomi.fi-tunnistukseen: Ammattilaiskäyttäjät ja yhteistyökumppanit',
    registration: 'Rekisteröityminen', errorPrefix: 'Virhe', summary: 'Korjaa seuraavat kohdat',
    save: 'Tallenna ja jatka', phone: 'Puhelinnumero', email: 'Sähköpostiosoite',
    picker: 'Hae organisaatiota tai kuntaa', municipality: 'kunta', helsinki: 'Helsinki',
    phoneRequired: 'Kirjoita puhelinnumero.',
    phoneShort: 'Puhelinnumero on liian lyhyt. Tarkista numero.',
    emailRequired: 'Kirjoita sähköpostiosoite.',
    emailMissingAt: 'Sähköpostiosoitteesta puuttuu @-merkki. Kirjoita osoite muodossa nimi@esimerkki.fi.',
    organisationsRequired: 'Valitse vähintään yksi yhteistyöorganisaatio.',
    added: 'Lisätty:', noResults: 'Ei hakutuloksia', remove: 'Poista',
    profile: 'Profiili', group: 'Ammattiryhmä', groupRequired: 'Valitse ammattiryhmä.',
    groupName: 'Psykologi', saveProfile: 'Tallenna profiili',
    done: 'Olet nyt rekisteröitynyt ammattilaiskäyttäjäksi', openSection: 'Siirry ammattilaisten osioon',
    content: 'Ammattilaisten aineistot', service: 'Mielenterveystalo',
  },
  {
    lang: 'sv', button: 'Svenska', identity: 'Pekka Pelkonen',
    menu: 'Logga in i tjänsten', entry: 'Sektionen för yrkesverksamma', role: 'Jag är yrkesverksam',
    personal: 'Gå till Suomi.fi-identifikationen',
    personalGuide: 'Gå till Suomi.fi-identifikationen: Yrkesverksamma användare och samarbetspartner',
    registration: 'Registrering', errorPrefix: 'Fel', summary: 'Rätta följande uppgifter',
    save: 'Spara och fortsätt', phone: 'Telefonnummer', email: 'E-postadress',
    picker: 'Sök organisation eller kommun', municipality: 'kommun', helsinki: 'Helsingfors',
    phoneRequired: 'Skriv ditt telefonnummer.',
    phoneShort: 'Telefonnumret är för kort. Kontrollera numret.',
    emailRequired: 'Skriv din e-postadress.',
    emailMissingAt: 'E-postadressen saknar tecknet @. Skriv adressen i formen namn@exempel.fi.',
    organisationsRequired: 'Välj minst en samarbetsorganisation.',
    added: 'Tillagd:', noResults: 'Inga sökresultat', remove: 'Ta bort',
    profile: 'Profil', group: 'Yrkesgrupp', groupRequired: 'Välj yrkesgrupp.',
    groupName: 'Psykolog', saveProfile: 'Spara profilen',
    done: 'Du är nu registrerad som yrkesverksam användare', openSection: 'Gå till sektionen för yrkesverksamma',
    content: 'Material för yrkesverksamma', service: 'Mielenterveystalo',
  },
  {
    lang: 'en', button: 'English', identity: 'Anna Andersson',
    menu: 'Sign in to the service', entry: "Professionals' section", role: 'I am a professional',
    personal: 'Go to Suomi.fi identification',
    personalGuide: 'Go to Suomi.fi identification: Professional users and partners',
    registration: 'Registration', errorPrefix: 'Error', summary: 'Fix the following',
    save: 'Save and continue', phone: 'Phone number', email: 'Email address',
    picker: 'Search for an organisation or municipality', municipality: 'municipality', helsinki: 'Helsinki',
    phoneRequired: 'Enter your phone number.',
    phoneShort: 'The phone number is too short. Check the number.',
    emailRequired: 'Enter your email address.',
    emailMissingAt: 'The email address is missing an @. Enter it in the form name@example.fi.',
    organisationsRequired: 'Choose at least one cooperation organisation.',
    added: 'Added:', noResults: 'No results', remove: 'Remove',
    profile: 'Profile', group: 'Professional group', groupRequired: 'Choose your professional group.',
    groupName: 'Psychologist', saveProfile: 'Save profile',
    done: 'You are now registered as a professional user', openSection: "Go to the professionals' section",
    content: 'Materials for professionals', service: 'Mielenterveystalo',
  },
];

for (const w of LANGUAGES) {
  test(`the whole flow by keyboard, from the front page to the content list, in ${w.lang}`, async ({ page }, testInfo) => {
    // Front page; the language switch, by keyboard.
    await page.goto('/');
    if (w.button) {
      await tabTo(page, page.getByRole('button', { name: w.button }));
      await page.keyboard.press('Enter');
      await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
    }
    await phoneScreenshot(page, testInfo, `${w.lang}-01-front`);

    // Sign in: the menu button, the role, the personal path, the provider.
    await tabTo(page, page.getByRole('button', { name: w.menu }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: w.entry })).toBeFocused();
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: w.role }));
    await page.keyboard.press('Enter');
    await phoneScreenshot(page, testInfo, `${w.lang}-02-identification`);
    await tabTo(page, page.getByRole('link', { name: w.personalGuide, exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: w.identity }));
    await page.keyboard.press('Enter');

    // Not registered: sign-in lands on the registration form, which shows the name.
    await expect(page).toHaveURL(/\/rekisteroityminen$/);
    await expect(page.getByRole('heading', { level: 1, name: w.registration })).toBeVisible();
    await expect(page.getByText(w.identity, { exact: true }).last()).toBeVisible();
    await expect(page).toHaveTitle(`${w.registration} – ${w.service}`);
    const phone = page.getByRole('textbox', { name: w.phone });
    const email = page.getByRole('textbox', { name: w.email });
    const picker = page.getByRole('combobox', { name: w.picker });
    await expect(phone).toHaveAttribute('type', 'tel');
    await expect(phone).toHaveAttribute('autocomplete', 'tel');
    await expect(email).toHaveAttribute('type', 'email');
    await expect(email).toHaveAttribute('autocomplete', 'email');
    await expectNoAxeViolations(page);
    await phoneScreenshot(page, testInfo, `${w.lang}-03-registration`);

    // Submitting the empty form: every error, in a focused summary that links to the fields;
    // the title says there is an error.
    await tabTo(page, page.getByRole('button', { name: w.save }));
    await page.keyboard.press('Enter');
    const summary = page.locator('.app-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('heading', { name: w.summary })).toBeVisible();
    await expect(summary.getByRole('link')).toHaveText([w.phoneRequired, w.emailRequired, w.organisationsRequired]);
    await expect(page).toHaveTitle(`${w.errorPrefix}: ${w.registration} – ${w.service}`);
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toHaveAccessibleDescription(new RegExp(w.phoneRequired.replace('.', '\\.')));
    await expectNoAxeViolations(page);
    await phoneScreenshot(page, testInfo, `${w.lang}-04-error-summary`);

    // The summary's first link takes focus to the phone field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(phone).toBeFocused();
    // A wrong number: its own error once the field is left; fixed, the error goes.
    await page.keyboard.type('040');
    await page.keyboard.press('Tab');
    await expect(page.getByText(w.phoneShort).first()).toBeVisible();
    await phone.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('040 123 4567');
    await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
    await expect(summary.getByRole('link')).toHaveText([w.emailRequired, w.organisationsRequired]);

    // The email: missing @, then fixed.
    await tabTo(page, email);
    await page.keyboard.type('testi.esimerkki.fi');
    await page.keyboard.press('Tab');
    await expect(page.getByText(w.emailMissingAt).first()).toBeVisible();
    await email.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`testi.${w.lang}@esimerkki.fi`);
    await expect(email).not.toHaveAttribute('aria-invalid', 'true');

    // The combobox: the Swedish name finds Helsinki, marked as a municipality; the arrows
    // move the active option, Enter chooses it, the live region says so.
    await tabTo(page, picker);
    await page.keyboard.type('helsingfors');
    await expect(picker).toHaveAttribute('aria-expanded', 'true');
    const listbox = page.getByRole('listbox');
    const helsinki = listbox.getByRole('option', { name: `${w.helsinki} ${w.municipality}` });
    await expect(helsinki).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(picker).toHaveAttribute('aria-activedescendant', /^organisation-option-\d+$/);
    const activeId = await picker.getAttribute('aria-activedescendant');
    await expect(listbox.locator(`#${activeId}`)).toHaveAttribute('aria-selected', 'true');
    await expectNoAxeViolations(page);
    await phoneScreenshot(page, testInfo, `${w.lang}-05-combobox-open`);
    await page.keyboard.press('Home');
    await expect(picker).toHaveAttribute('aria-activedescendant', 'organisation-option-0');
    await page.keyboard.press('Enter');
    await expect(picker).toHaveAttribute('aria-expanded', 'false');
    await expect(picker).toHaveValue('');
    await expect(page.getByRole('status').filter({ hasText: w.added })).toContainText(w.helsinki);
    const removeHelsinki = page.getByRole('button', { name: `${w.remove} ${w.helsinki}` });
    await expect(removeHelsinki).toBeVisible();

    // An abbreviation finds the organisation; a chosen entry is not offered again.
    await page.keyboard.type('PIRHA');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: new RegExp(`^${w.remove} .*PIRHA`) })).toBeVisible();
    await page.keyboard.type('pirha');
    await expect(listbox.getByRole('option', { name: /PIRHA/ })).toHaveCount(0);
    await expect(page.getByText(w.noResults).first()).toBeVisible();
    // Escape closes the list, a second Escape clears the search.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(picker).toHaveValue('');

    // Helsinki removed by keyboard; focus stays in the list of chosen entries.
    await tabTo(page, removeHelsinki);
    await page.keyboard.press('Enter');
    await expect(removeHelsinki).toHaveCount(0);
    await expect(page.getByRole('button', { name: new RegExp(`^${w.remove} .*PIRHA`) })).toBeFocused();

    // A reload mid-form keeps everything typed and chosen.
    await page.reload();
    await expect(phone).toHaveValue('040 123 4567');
    await expect(email).toHaveValue(`testi.${w.lang}@esimerkki.fi`);
    await expect(page.getByRole('button', { name: new RegExp(`^${w.remove} .*PIRHA`) })).toBeVisible();

    // Saved: on to the profile.
    await tabTo(page, page.getByRole('button', { name: w.save }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/profiili$/);
    await expect(page.getByRole('heading', { level: 1, name: w.profile })).toBeVisible();
    await expectNoAxeViolations(page);
    await phoneScreenshot(page, testInfo, `${w.lang}-06-profile`);
    // The draft is gone once saved.
    expect(Object.keys(await drafts(page)).filter((key) => key.endsWith('.registration'))).toEqual([]);

    // The profile: the group is required; chosen by typing its name on the select.
    await tabTo(page, page.getByRole('button', { name: w.saveProfile }));
    await page.keyboard.press('Enter');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([w.groupRequired]);
    await expectNoAxeViolations(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const group = page.getByRole('combobox', { name: w.group });
    await expect(group).toBeFocused();
    await page.keyboard.type(w.groupName);
    await expect(group).toHaveValue('psychologist');
    await expect(group).not.toHaveAttribute('aria-invalid', 'true');
    await tabTo(page, page.getByRole('button', { name: w.saveProfile }));
    await page.keyboard.press('Enter');

    // Saved: the confirmation and the way into the section, at the top, focused.
    const done = page.getByRole('heading', { level: 2, name: w.done });
    await expect(done).toBeFocused();
    await expectNoAxeViolations(page);
    await phoneScreenshot(page, testInfo, `${w.lang}-07-profile-saved`);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: w.openSection })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/osio$/);
    await expect(page.getByRole('heading', { level: 1, name: w.content })).toBeVisible();
    await expect(page.locator('.app-content__item').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await phoneScreenshot(page, testInfo, `${w.lang}-08-content`);
  });
}
