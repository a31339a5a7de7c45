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
    let i18n = use_i18n();
    Effect::new(move |_| {
        let language = i18n.language();
        document().set_title(&format!(
            "{} – {}",
            page.get(language),
            Text::ServiceName.get(language)
        ));
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
