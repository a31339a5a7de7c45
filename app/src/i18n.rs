//! Every visible string of the app in Finnish, Swedish and English, and the language context.
//!
//! A string is a [`Text`] key; [`Text::get`] gives it in a language. Each arm of the match
//! names all three languages, so a missing translation does not compile. The chosen language
//! is kept in `localStorage` and written to `<html lang>` and the document title.

use domain::{Language, OrganisationCodeError};
use leptos::prelude::*;

/// The key of a visible string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    ServiceName,
    SectionTitle,
    SkipToContent,
    LanguageSwitchLabel,
    Loading,
    LoadFailed,
    Retry,
    GuideTitle,
    GuideQuestion,
    GuideOrganisationsLead,
    WorkplaceLabel,
    WorkplaceNone,
    VerdictOrganisation,
    VerdictPersonal,
    PersonalMethodName,
    SignInMenu,
    SignInMenuSection,
    SignOut,
    SignedInAs,
    AccountMenuLabel,
    IdentificationTitle,
    RoleLegend,
    RoleProfessional,
    MethodsLead,
    MethodOrganisationTitle,
    MethodOrganisationLead,
    MethodPersonalTitle,
    MethodPersonalLead,
    ChooseGroup,
    ChooseOrganisation,
    ContinueOrganisation,
    ContinuePersonal,
    ContentTitle,
    ContentLead,
    ContentKindTreatmentProgramme,
    ContentKindSymptomQuestionnaire,
    ContentKindReferralGuide,
    ContentKindTraining,
    ContentSignInFirst,
    ContentProfileFirst,
    RegistrationTitle,
    RegistrationLead,
    AllRequired,
    NameLabel,
    NameHint,
    PhoneLabel,
    PhoneHint,
    EmailLabel,
    EmailHint,
    OrganisationsLegend,
    OrganisationsHint,
    PickerLabel,
    PickerFallback,
    PickerMunicipality,
    PickerChosenHeading,
    PickerNoneChosen,
    PickerRemove,
    SaveAndContinue,
    SaveChanges,
    Saving,
    ErrorSummaryTitle,
    ErrorTitlePrefix,
    FailureNetwork,
    FailureServer,
    FailureSession,
    SignInAgain,
    AlreadyRegistered,
    AlreadyProfiled,
    AlreadyRegisteredShort,
    GoToSettings,
    RegisterFirst,
    GoToRegistration,
    GoToProfile,
    SignInToContinue,
    SettingsTitle,
    SettingsLead,
    SettingsContactHeading,
    SettingsProfileHeading,
    Saved,
    ProfileTitle,
    ProfileLead,
    GroupLabel,
    GroupHint,
    GroupChoose,
    CountyLabel,
    CountyHint,
    CountyNotSelected,
    SaveProfile,
    ProfileSavedTitle,
    OpenSection,
    MySettings,
    SignInCancelled,
    SignInExpired,
    SignInFailed,
    MeansNotAccepted,
    SessionEndingTitle,
    SessionEndingBody,
    SessionContinue,
    SessionEndedTitle,
    SessionEndedBody,
    NotFoundTitle,
    NotFoundBody,
    BackToFront,
}

impl Text {
    /// The string in `language`.
    pub fn get(self, language: Language) -> &'static str {
        let (fi, sv, en) = match self {
            Text::ServiceName => (
                "Mielenterveystalo",
                "Mielenterveystalo",
                "Mielenterveystalo",
            ),
            Text::SectionTitle => (
                "Ammattilaisten osio",
                "Sektionen för yrkesverksamma",
                "Professionals' section",
            ),
            Text::SkipToContent => ("Siirry sisältöön", "Gå till innehållet", "Skip to content"),
            Text::LanguageSwitchLabel => ("Kieli", "Språk", "Language"),
            Text::Loading => ("Ladataan…", "Laddar…", "Loading…"),
            Text::LoadFailed => (
                "Tietojen lataaminen epäonnistui. Tarkista verkkoyhteys ja yritä uudelleen.",
                "Uppgifterna kunde inte laddas. Kontrollera nätverksanslutningen och försök igen.",
                "Loading the information failed. Check your network connection and try again.",
            ),
            Text::Retry => ("Yritä uudelleen", "Försök igen", "Try again"),
            Text::GuideTitle => (
                "Kumpi tunnistautumistapa on minun?",
                "Vilket identifieringssätt är mitt?",
                "Which sign-in method is mine?",
            ),
            Text::GuideQuestion => (
                "Työskenteletkö jossakin näistä organisaatioista?",
                "Arbetar du vid någon av dessa organisationer?",
                "Do you work at one of these organisations?",
            ),
            Text::GuideOrganisationsLead => (
                "Näiden organisaatioiden henkilöstö kirjautuu organisaatiotunnistautumisella, samoilla tunnuksilla kuin organisaationsa järjestelmiin. Kaikki muut kirjautuvat henkilökohtaisella tunnistautumisella.",
                "Personalen vid dessa organisationer loggar in med organisationsidentifiering, med samma koder som i organisationens system. Alla andra loggar in med personlig identifiering.",
                "Staff of these organisations sign in with organisation identification, using the same credentials as in their organisation's systems. Everyone else signs in with personal identification.",
            ),
            Text::WorkplaceLabel => ("Työpaikkani", "Min arbetsplats", "My workplace"),
            Text::WorkplaceNone => (
                "Jokin muu kuin nämä",
                "Någon annan än dessa",
                "None of these",
            ),
            Text::VerdictOrganisation => (
                "Valitse organisaatiotunnistautuminen:",
                "Välj organisationsidentifiering:",
                "Choose organisation identification:",
            ),
            Text::VerdictPersonal => (
                "Valitse henkilökohtainen tunnistautuminen:",
                "Välj personlig identifiering:",
                "Choose personal identification:",
            ),
            Text::PersonalMethodName => (
                "Ammattilaiskäyttäjät ja yhteistyökumppanit (Suomi.fi-tunnistus)",
                "Yrkesverksamma användare och samarbetspartner (Suomi.fi-identifikation)",
                "Professional users and partners (Suomi.fi identification)",
            ),
            Text::SignInMenu => (
                "Kirjaudu palveluun",
                "Logga in i tjänsten",
                "Sign in to the service",
            ),
            Text::SignInMenuSection => (
                "Ammattilaisten osio",
                "Sektionen för yrkesverksamma",
                "Professionals' section",
            ),
            Text::SignOut => ("Kirjaudu ulos", "Logga ut", "Sign out"),
            Text::SignedInAs => ("Kirjautuneena:", "Inloggad:", "Signed in:"),
            Text::AccountMenuLabel => ("Käyttäjä", "Användare", "User"),
            Text::IdentificationTitle => ("Tunnistautuminen", "Identifiering", "Identification"),
            Text::RoleLegend => ("Valitse roolisi", "Välj din roll", "Choose your role"),
            Text::RoleProfessional => (
                "Olen ammattilainen",
                "Jag är yrkesverksam",
                "I am a professional",
            ),
            Text::MethodsLead => (
                "Valitse tunnistautumistapa. Käytät samoja tunnuksia ensimmäisellä ja jokaisella seuraavalla käyntikerralla.",
                "Välj identifieringssätt. Du använder samma koder vid det första och varje följande besök.",
                "Choose how to identify yourself. You use the same credentials on your first and every later visit.",
            ),
            Text::MethodOrganisationTitle => (
                "Organisaatiotunnistautuminen",
                "Organisationsidentifiering",
                "Organisation identification",
            ),
            Text::MethodOrganisationLead => (
                "Jos työskentelet jossakin luettelon organisaatioista: kirjaudu samoilla tunnuksilla kuin organisaatiosi järjestelmiin.",
                "Om du arbetar vid någon av organisationerna i förteckningen: logga in med samma koder som i din organisations system.",
                "If you work at one of the listed organisations: sign in with the same credentials as in your organisation's systems.",
            ),
            Text::MethodPersonalTitle => (
                "Ammattilaiskäyttäjät ja yhteistyökumppanit",
                "Yrkesverksamma användare och samarbetspartner",
                "Professional users and partners",
            ),
            Text::MethodPersonalLead => (
                "Kaikille muille: Suomi.fi-tunnistus Sote-kortilla, VRK-kortilla, pankkitunnuksilla tai mobiilivarmenteella.",
                "För alla andra: Suomi.fi-identifikation med Sote-kort, VRK-kort, bankkoder eller mobilcertifikat.",
                "Everyone else: Suomi.fi identification with a Sote card, a VRK card, online bank credentials or a mobile certificate.",
            ),
            Text::ChooseGroup => ("Valitse ryhmä", "Välj grupp", "Choose the group"),
            Text::ChooseOrganisation => (
                "Valitse organisaatio",
                "Välj organisation",
                "Choose the organisation",
            ),
            Text::ContinueOrganisation => (
                "Jatka organisaation tunnistukseen",
                "Fortsätt till organisationens identifiering",
                "Continue to your organisation's sign-in",
            ),
            Text::ContinuePersonal => (
                "Siirry Suomi.fi-tunnistukseen",
                "Gå till Suomi.fi-identifikationen",
                "Go to Suomi.fi identification",
            ),
            Text::ContentTitle => (
                "Ammattilaisten aineistot",
                "Material för yrkesverksamma",
                "Materials for professionals",
            ),
            Text::ContentLead => (
                "Näet aineistot, jotka on tarkoitettu ammattiryhmällesi.",
                "Du ser det material som är avsett för din yrkesgrupp.",
                "You see the materials meant for your professional group.",
            ),
            Text::ContentKindTreatmentProgramme => {
                ("Hoito-ohjelmat", "Vårdprogram", "Treatment programmes")
            }
            Text::ContentKindSymptomQuestionnaire => {
                ("Oirekyselyt", "Symtomenkäter", "Symptom questionnaires")
            }
            Text::ContentKindReferralGuide => (
                "Ohjaaminen nettiterapiaan",
                "Hänvisning till internetterapi",
                "Referring to internet therapies",
            ),
            Text::ContentKindTraining => ("Koulutukset", "Utbildningar", "Training"),
            Text::ContentSignInFirst => (
                "Kirjaudu palveluun nähdäksesi aineistot.",
                "Logga in i tjänsten för att se materialet.",
                "Sign in to see the materials.",
            ),
            Text::ContentProfileFirst => (
                "Aineistot näkyvät, kun olet rekisteröitynyt ja valinnut ammattiryhmäsi profiiliin.",
                "Materialet visas när du har registrerat dig och valt din yrkesgrupp i profilen.",
                "The materials appear once you have registered and chosen your professional group in your profile.",
            ),
            Text::RegistrationTitle => ("Rekisteröityminen", "Registrering", "Registration"),
            Text::RegistrationLead => (
                "Rekisteröidy kerran ammattilaiskäyttäjäksi. Tarvitsemme yhteystietosi ja organisaatiot, joiden kanssa teet yhteistyötä.",
                "Registrera dig en gång som yrkesverksam användare. Vi behöver dina kontaktuppgifter och de organisationer som du samarbetar med.",
                "Register once as a professional user. We need your contact details and the organisations you work with.",
            ),
            Text::AllRequired => (
                "Kaikki kohdat ovat pakollisia, ellei toisin mainita.",
                "Alla uppgifter är obligatoriska om inte annat anges.",
                "All fields are required unless marked optional.",
            ),
            Text::NameLabel => ("Nimi", "Namn", "Name"),
            Text::NameHint => (
                "Nimesi tulee tunnistautumisesta, eikä sitä voi muuttaa täällä.",
                "Ditt namn kommer från identifieringen och kan inte ändras här.",
                "Your name comes from the identification and cannot be changed here.",
            ),
            Text::PhoneLabel => ("Puhelinnumero", "Telefonnummer", "Phone number"),
            Text::PhoneHint => (
                "Esimerkiksi 040 123 4567 tai +358 40 123 4567.",
                "Till exempel 040 123 4567 eller +358 40 123 4567.",
                "For example 040 123 4567 or +358 40 123 4567.",
            ),
            Text::EmailLabel => ("Sähköpostiosoite", "E-postadress", "Email address"),
            Text::EmailHint => (
                "Esimerkiksi etunimi.sukunimi@esimerkki.fi.",
                "Till exempel fornamn.efternamn@exempel.fi.",
                "For example firstname.lastname@example.fi.",
            ),
            Text::OrganisationsLegend => (
                "Yhteistyöorganisaatiot",
                "Samarbetsorganisationer",
                "Cooperation organisations",
            ),
            Text::OrganisationsHint => (
                "Valitse vähintään yksi organisaatio, jonka kanssa teet yhteistyötä. Hae nimellä tai lyhenteellä, esimerkiksi HUS.",
                "Välj minst en organisation som du samarbetar med. Sök med namn eller förkortning, till exempel HUS.",
                "Choose at least one organisation you work with. Search by name or abbreviation, for example HUS.",
            ),
            Text::PickerLabel => (
                "Hae organisaatiota tai kuntaa",
                "Sök organisation eller kommun",
                "Search for an organisation or municipality",
            ),
            Text::PickerFallback => (
                "Jos työpaikkasi ei ole listalla tai olet yksityinen ammatinharjoittaja, valitse kotikuntasi.",
                "Om din arbetsplats inte finns i listan eller om du är privatpraktiker, välj din hemkommun.",
                "If your workplace is not on the list, or you are a private practitioner, choose your home municipality.",
            ),
            Text::PickerMunicipality => ("kunta", "kommun", "municipality"),
            Text::PickerChosenHeading => (
                "Valitsemasi organisaatiot",
                "Organisationer som du valt",
                "Organisations you chose",
            ),
            Text::PickerNoneChosen => (
                "Et ole vielä valinnut yhtään organisaatiota.",
                "Du har inte valt någon organisation ännu.",
                "You have not chosen any organisation yet.",
            ),
            Text::PickerRemove => ("Poista", "Ta bort", "Remove"),
            Text::SaveAndContinue => (
                "Tallenna ja jatka",
                "Spara och fortsätt",
                "Save and continue",
            ),
            Text::SaveChanges => ("Tallenna muutokset", "Spara ändringarna", "Save changes"),
            Text::Saving => ("Tallennetaan…", "Sparar…", "Saving…"),
            Text::ErrorSummaryTitle => (
                "Korjaa seuraavat kohdat",
                "Rätta följande uppgifter",
                "Fix the following",
            ),
            Text::ErrorTitlePrefix => ("Virhe", "Fel", "Error"),
            Text::FailureNetwork => (
                "Tallentaminen ei onnistunut, koska yhteys palveluun katkesi. Täyttämäsi tiedot ovat tallessa tällä sivulla. Tarkista verkkoyhteys ja yritä uudelleen.",
                "Det gick inte att spara eftersom förbindelsen till tjänsten bröts. Uppgifterna du fyllt i finns kvar på den här sidan. Kontrollera nätverksanslutningen och försök igen.",
                "Saving failed because the connection to the service was lost. What you filled in is kept on this page. Check your network connection and try again.",
            ),
            Text::FailureServer => (
                "Tallentaminen ei onnistunut palvelun häiriön vuoksi. Täyttämäsi tiedot ovat tallessa tällä sivulla. Yritä hetken kuluttua uudelleen.",
                "Det gick inte att spara på grund av en störning i tjänsten. Uppgifterna du fyllt i finns kvar på den här sidan. Försök igen om en stund.",
                "Saving failed because of a fault in the service. What you filled in is kept on this page. Try again in a moment.",
            ),
            Text::FailureSession => (
                "Istuntosi on päättynyt. Kirjaudu uudelleen: täyttämäsi tiedot säilyvät tässä selainvälilehdessä.",
                "Din session har gått ut. Logga in igen: uppgifterna du fyllt i finns kvar i den här webbläsarfliken.",
                "Your session has ended. Sign in again: what you filled in is kept in this browser tab.",
            ),
            Text::SignInAgain => ("Kirjaudu uudelleen", "Logga in igen", "Sign in again"),
            Text::AlreadyRegistered => (
                "Olet jo rekisteröitynyt. Voit muuttaa tietojasi Omat tiedot -sivulla; täyttämäsi tiedot siirtyvät sinne.",
                "Du har redan registrerat dig. Du kan ändra dina uppgifter på sidan Mina uppgifter; det du fyllt i följer med dit.",
                "You have already registered. You can change your details on the My details page; what you filled in goes with you.",
            ),
            Text::AlreadyRegisteredShort => (
                "Olet jo rekisteröitynyt. Voit muuttaa tietojasi Omat tiedot -sivulla.",
                "Du har redan registrerat dig. Du kan ändra dina uppgifter på sidan Mina uppgifter.",
                "You have already registered. You can change your details on the My details page.",
            ),
            Text::AlreadyProfiled => (
                "Olet jo tehnyt profiilin. Voit muuttaa sitä Omat tiedot -sivulla.",
                "Du har redan skapat en profil. Du kan ändra den på sidan Mina uppgifter.",
                "You have already made your profile. You can change it on the My details page.",
            ),
            Text::GoToSettings => (
                "Siirry Omiin tietoihin",
                "Gå till Mina uppgifter",
                "Go to My details",
            ),
            Text::RegisterFirst => (
                "Rekisteröidy ensin, sitten voit tehdä profiilin.",
                "Registrera dig först, sedan kan du skapa en profil.",
                "Register first, then you can make your profile.",
            ),
            Text::GoToRegistration => (
                "Siirry rekisteröitymiseen",
                "Gå till registreringen",
                "Go to registration",
            ),
            Text::GoToProfile => (
                "Siirry tekemään profiili",
                "Gå till profilen",
                "Go to your profile",
            ),
            Text::SignInToContinue => (
                "Kirjaudu palveluun jatkaaksesi.",
                "Logga in i tjänsten för att fortsätta.",
                "Sign in to the service to continue.",
            ),
            Text::SettingsTitle => ("Omat tiedot", "Mina uppgifter", "My details"),
            Text::SettingsLead => (
                "Voit muuttaa yhteystietojasi, yhteistyöorganisaatioitasi ja profiiliasi.",
                "Du kan ändra dina kontaktuppgifter, samarbetsorganisationer och din profil.",
                "You can change your contact details, cooperation organisations and profile.",
            ),
            Text::SettingsContactHeading => (
                "Yhteystiedot ja yhteistyöorganisaatiot",
                "Kontaktuppgifter och samarbetsorganisationer",
                "Contact details and cooperation organisations",
            ),
            Text::SettingsProfileHeading => ("Profiili", "Profil", "Profile"),
            Text::Saved => (
                "Muutokset on tallennettu.",
                "Ändringarna har sparats.",
                "Your changes have been saved.",
            ),
            Text::ProfileTitle => ("Profiili", "Profil", "Profile"),
            Text::ProfileLead => (
                "Rekisteröitymisesi on tallennettu. Valitse vielä ammattiryhmäsi: se ratkaisee, mitkä aineistot näet.",
                "Din registrering har sparats. Välj ännu din yrkesgrupp: den avgör vilket material du ser.",
                "Your registration is saved. Now choose your professional group: it decides which materials you see.",
            ),
            Text::GroupLabel => ("Ammattiryhmä", "Yrkesgrupp", "Professional group"),
            Text::GroupHint => (
                "Valitse ryhmä, joka kuvaa työtäsi parhaiten.",
                "Välj den grupp som bäst beskriver ditt arbete.",
                "Choose the group that best describes your work.",
            ),
            Text::GroupChoose => (
                "Valitse ammattiryhmä",
                "Välj yrkesgrupp",
                "Choose a professional group",
            ),
            Text::CountyLabel => (
                "Hyvinvointialue (vapaaehtoinen)",
                "Välfärdsområde (frivilligt)",
                "Wellbeing services county (optional)",
            ),
            Text::CountyHint => (
                "Alue, jolla pääasiassa työskentelet.",
                "Det område där du huvudsakligen arbetar.",
                "The area where you mainly work.",
            ),
            Text::CountyNotSelected => ("Ei valittu", "Inte valt", "Not selected"),
            Text::SaveProfile => ("Tallenna profiili", "Spara profilen", "Save profile"),
            Text::ProfileSavedTitle => (
                "Olet nyt rekisteröitynyt ammattilaiskäyttäjäksi",
                "Du är nu registrerad som yrkesverksam användare",
                "You are now registered as a professional user",
            ),
            Text::OpenSection => (
                "Siirry ammattilaisten osioon",
                "Gå till sektionen för yrkesverksamma",
                "Go to the professionals' section",
            ),
            Text::MySettings => ("Omat tiedot", "Mina uppgifter", "My details"),
            Text::SignInCancelled => (
                "Tunnistautuminen keskeytettiin. Voit aloittaa sen uudelleen.",
                "Identifieringen avbröts. Du kan börja om.",
                "The identification was cancelled. You can start again.",
            ),
            Text::SignInExpired => (
                "Tunnistautuminen vanhentui tai se aloitettiin toisessa välilehdessä. Aloita se uudelleen.",
                "Identifieringen gick ut eller påbörjades i en annan flik. Börja om.",
                "The identification expired or was started in another tab. Start again.",
            ),
            Text::SignInFailed => (
                "Tunnistautuminen ei onnistunut tunnistuspalvelun virheen vuoksi. Yritä hetken kuluttua uudelleen.",
                "Identifieringen misslyckades på grund av ett fel i identifieringstjänsten. Försök igen om en stund.",
                "The identification failed because of an error in the identification service. Try again in a moment.",
            ),
            Text::MeansNotAccepted => (
                "Käyttämäsi tunnistusväline ei käy tähän palveluun. Tunnistaudu Sote-kortilla, VRK-kortilla, pankkitunnuksilla tai mobiilivarmenteella.",
                "Identifieringsmedlet du använde godtas inte i den här tjänsten. Identifiera dig med Sote-kort, VRK-kort, bankkoder eller mobilcertifikat.",
                "The means you used is not accepted in this service. Identify with a Sote card, a VRK card, online bank credentials or a mobile certificate.",
            ),
            Text::SessionEndingTitle => (
                "Istuntosi on päättymässä",
                "Din session håller på att gå ut",
                "Your session is about to end",
            ),
            Text::SessionEndingBody => (
                "Istunto päättyy parin minuutin kuluttua, koska et ole käyttänyt palvelua hetkeen. Täyttämäsi tiedot säilyvät tässä välilehdessä.",
                "Sessionen går ut om ett par minuter eftersom du inte har använt tjänsten på en stund. Det du fyllt i finns kvar i den här fliken.",
                "Your session ends in a couple of minutes because you have not used the service for a while. What you filled in is kept in this tab.",
            ),
            Text::SessionContinue => (
                "Jatka istuntoa",
                "Fortsätt sessionen",
                "Continue the session",
            ),
            Text::SessionEndedTitle => (
                "Istuntosi päättyi",
                "Din session har gått ut",
                "Your session has ended",
            ),
            Text::SessionEndedBody => (
                "Istunto päättyi, koska et käyttänyt palvelua. Kirjaudu uudelleen: täyttämäsi tiedot säilyvät tässä välilehdessä.",
                "Sessionen gick ut eftersom du inte använde tjänsten. Logga in igen: det du fyllt i finns kvar i den här fliken.",
                "The session ended because you did not use the service. Sign in again: what you filled in is kept in this tab.",
            ),
            Text::NotFoundTitle => ("Sivua ei löytynyt", "Sidan hittades inte", "Page not found"),
            Text::NotFoundBody => (
                "Osoitteessa ei ole sivua. Se on voinut siirtyä, tai osoitteessa on kirjoitusvirhe.",
                "Det finns ingen sida på adressen. Den kan ha flyttats, eller så innehåller adressen ett skrivfel.",
                "There is no page at this address. It may have moved, or the address may have a typo.",
            ),
            Text::BackToFront => (
                "Ammattilaisten osion etusivulle",
                "Till startsidan för sektionen för yrkesverksamma",
                "To the front page of the professionals' section",
            ),
        };
        match language {
            Language::Fi => fi,
            Language::Sv => sv,
            Language::En => en,
        }
    }
}

/// The message for an organisation code error, in `language`.
pub fn organisation_code_error(error: OrganisationCodeError, language: Language) -> &'static str {
    let (fi, sv, en) = match error {
        OrganisationCodeError::Empty => (
            "Valitse organisaatio.",
            "Välj en organisation.",
            "Choose an organisation.",
        ),
        OrganisationCodeError::Unknown => (
            "Organisaatiota ei löydy luettelosta.",
            "Organisationen finns inte i förteckningen.",
            "The organisation is not on the list.",
        ),
    };
    match language {
        Language::Fi => fi,
        Language::Sv => sv,
        Language::En => en,
    }
}

/// The name of a language in that language, for the language switch.
pub fn language_name(language: Language) -> &'static str {
    match language {
        Language::Fi => "Suomi",
        Language::Sv => "Svenska",
        Language::En => "English",
    }
}

const STORAGE_KEY: &str = "mtt.language";

/// The app's language, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    language: RwSignal<Language>,
}

impl I18n {
    /// The current language (tracked).
    pub fn language(self) -> Language {
        self.language.get()
    }

    /// Switches the language and remembers the choice.
    pub fn set_language(self, language: Language) {
        self.language.set(language);
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(STORAGE_KEY, language.tag());
        }
    }

    /// A reactive closure giving `text` in the current language, for `view!`.
    pub fn t(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || text.get(self.language.get())
    }
}

/// Puts the language context in place: the remembered language, else Finnish. Keeps
/// `<html lang>` in step with it.
pub fn provide_i18n() -> I18n {
    let remembered = local_storage()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| tag.parse().ok())
        .unwrap_or_default();
    let i18n = I18n {
        language: RwSignal::new(remembered),
    };
    Effect::new(move |_| {
        let language = i18n.language();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", language.tag());
        }
    });
    provide_context(i18n);
    i18n
}

/// Keeps the document title at "`page` – service name" in the current language, so a screen
/// reader user hears where they are after every route change.
pub fn use_page_title(page: Text) {
    use_page_title_flagged(page, Signal::derive(|| false));
}

/// Like [`use_page_title`], with "Virhe: " in front while `has_errors` holds (a form's error
/// summary is up), so the title alone tells a screen reader user the save did not go through.
pub fn use_page_title_flagged(page: Text, has_errors: Signal<bool>) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let language = i18n.language();
        let title = format!(
            "{} – {}",
            page.get(language),
            Text::ServiceName.get(language)
        );
        if has_errors.get() {
            document().set_title(&format!(
                "{}: {title}",
                Text::ErrorTitlePrefix.get(language)
            ));
        } else {
            document().set_title(&title);
        }
    });
}

/// The language context. Panics outside [`provide_i18n`], which `App` always calls first.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_is_the_default_language() {
        assert_eq!(Language::default(), Language::Fi);
    }

    #[test]
    fn the_spec_wording_is_used_in_finnish() {
        assert_eq!(Text::SectionTitle.get(Language::Fi), "Ammattilaisten osio");
        assert!(
            Text::PersonalMethodName
                .get(Language::Fi)
                .starts_with("Ammattilaiskäyttäjät ja yhteistyökumppanit")
        );
    }
}
