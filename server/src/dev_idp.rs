//! The development identity provider: a page of fixed test identities (a user of each of the
//! eight catalogue organisations, and Suomi.fi users with each of the four means), clearly
//! marked as a test service. Choosing one ends in [`crate::auth::complete_sign_in`], the same
//! code path a real provider's answer takes. On by default in the embedded configuration; the
//! server refuses to start with it in production mode, and without it these routes are 404.

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use contract::ErrorCode;
use domain::{Identity, IdentityMethod, PersonalMeans, SignInProvider, safe_return_path};
use serde::Deserialize;
use tower_sessions::Session;

use crate::AppState;
use crate::auth::complete_sign_in;
use crate::auth::csrf::same_origin;
use crate::auth::sign_in::refused_sign_in;
use crate::error::AppError;

/// One test identity.
pub struct TestIdentity {
    /// The key the page's form sends.
    pub key: &'static str,
    /// The provider's subject.
    pub subject: &'static str,
    /// First name.
    pub first_name: &'static str,
    /// Last name.
    pub last_name: &'static str,
    /// The catalogue organisation, for organisation identification; `None` for Suomi.fi.
    pub organisation: Option<&'static str>,
    /// The Suomi.fi means, for personal identification.
    pub means: Option<PersonalMeans>,
    /// What the identity is in the registration-point administration's demonstration data
    /// (`crate::demo`), shown on the page; `None` for the professionals.
    pub administration_role: Option<&'static str>,
}

const fn organisation_user(
    key: &'static str,
    subject: &'static str,
    first_name: &'static str,
    last_name: &'static str,
    organisation: &'static str,
) -> TestIdentity {
    TestIdentity {
        key,
        subject,
        first_name,
        last_name,
        organisation: Some(organisation),
        means: None,
        administration_role: None,
    }
}

const fn suomi_fi_user(
    key: &'static str,
    subject: &'static str,
    first_name: &'static str,
    last_name: &'static str,
    means: PersonalMeans,
) -> TestIdentity {
    TestIdentity {
        key,
        subject,
        first_name,
        last_name,
        organisation: None,
        means: Some(means),
        administration_role: None,
    }
}

/// A Suomi.fi user (online bank) with a role in the administration's demonstration data.
const fn administration_user(
    key: &'static str,
    subject: &'static str,
    first_name: &'static str,
    last_name: &'static str,
    role: &'static str,
) -> TestIdentity {
    TestIdentity {
        key,
        subject,
        first_name,
        last_name,
        organisation: None,
        means: Some(PersonalMeans::OnlineBank),
        administration_role: Some(role),
    }
}

/// The fixed test identities.
pub static TEST_IDENTITIES: [TestIdentity; 23] = [
    organisation_user("hus", "dev-hus-1", "Aino", "Virtanen", "HUS"),
    organisation_user("oys", "dev-oys-1", "Eero", "Korhonen", "OYS"),
    organisation_user("tyks", "dev-tyks-1", "Liisa", "Mäkinen", "TYKS"),
    organisation_user("pshva", "dev-pshva-1", "Juhani", "Nieminen", "PSHVA"),
    organisation_user("pirha", "dev-pirha-1", "Sofia", "Mäkelä", "PIRHA"),
    organisation_user("lshp", "dev-lshp-1", "Ville", "Hämäläinen", "LSHP"),
    organisation_user("soite", "dev-soite-1", "Emma", "Laine", "SOITE"),
    organisation_user(
        "paijatha",
        "dev-paijatha-1",
        "Mikko",
        "Heikkinen",
        "PÄIJÄTHA",
    ),
    suomi_fi_user(
        "sote-card",
        "dev-suomifi-1",
        "Maija",
        "Meikäläinen",
        PersonalMeans::SoteCard,
    ),
    suomi_fi_user(
        "vrk-card",
        "dev-suomifi-2",
        "Matti",
        "Meikäläinen",
        PersonalMeans::VrkCard,
    ),
    suomi_fi_user(
        "online-bank",
        "dev-suomifi-3",
        "Anna",
        "Andersson",
        PersonalMeans::OnlineBank,
    ),
    suomi_fi_user(
        "mobile-certificate",
        "dev-suomifi-4",
        "Pekka",
        "Pelkonen",
        PersonalMeans::MobileCertificate,
    ),
    // The registration-point administration's roles (see `crate::demo`); the professionals
    // above have no account there.
    administration_user(
        "officer",
        "dev-officer-1",
        "Outi",
        "Ojala",
        "DVV:n virkailija",
    ),
    administration_user(
        "county-admin",
        "dev-county-admin-1",
        "Kalle",
        "Koskinen",
        "Keski-Uudenmaan hyvinvointialueen pääkäyttäjä",
    ),
    administration_user(
        "private-admin",
        "dev-private-admin-1",
        "Pia",
        "Parviainen",
        "Esimerkki Terveyspalvelut Oy:n pääkäyttäjä",
    ),
    administration_user(
        "rescue-admin",
        "dev-rescue-admin-1",
        "Risto",
        "Rantanen",
        "Esimerkin pelastuslaitoksen pääkäyttäjä",
    ),
    administration_user(
        "member",
        "dev-member-1",
        "Minna",
        "Mattila",
        "Esimerkki Terveyspalvelut Oy:n jäsen",
    ),
    // Registrars (rekisteröijä) who were there before this service: they keep their rights
    // and apply for nothing (`crate::demo` gives them their points).
    administration_user(
        "registrar",
        "dev-registrar-1",
        "Reija",
        "Rekisteröijä",
        "Keski-Uudenmaan hyvinvointialueen rekisteröijä (kaksi pistettä)",
    ),
    administration_user(
        "registrar-2",
        "dev-registrar-2",
        "Rasmus",
        "Rekola",
        "Keski-Uudenmaan hyvinvointialueen rekisteröijä (kolme pistettä)",
    ),
    // A member of the county's account who is not a registrar yet: the one who applies.
    administration_user(
        "applicant",
        "dev-applicant-1",
        "Hanna",
        "Hakija",
        "Keski-Uudenmaan hyvinvointialueen jäsen, ei vielä rekisteröijä",
    ),
    // People with no account anywhere yet, to be invited (the professionals above are used by
    // the professionals' flows, whose landing would change once they belong to an account).
    administration_user(
        "invitee",
        "dev-invitee-1",
        "Iida",
        "Ilmarinen",
        "ei asiakkuutta, kutsuttava",
    ),
    administration_user(
        "invitee-2",
        "dev-invitee-2",
        "Joonas",
        "Jokela",
        "ei asiakkuutta, kutsuttava",
    ),
    administration_user(
        "invitee-3",
        "dev-invitee-3",
        "Kerttu",
        "Kallio",
        "ei asiakkuutta, kutsuttava",
    ),
];

impl TestIdentity {
    /// The identity the provider vouches for.
    pub fn identity(&self) -> Identity {
        let method = match (self.organisation, self.means) {
            (Some(organisation), _) => IdentityMethod::Organisation {
                organisation: organisation
                    .parse()
                    .expect("fixtures name catalogue organisations"),
            },
            (None, Some(means)) => IdentityMethod::SuomiFi { means },
            (None, None) => unreachable!("every fixture has a method"),
        };
        Identity {
            subject: self.subject.to_owned(),
            method,
            first_name: self.first_name.to_owned(),
            last_name: self.last_name.to_owned(),
        }
    }

    fn description(&self) -> String {
        let method = match (self.organisation, self.means) {
            (Some(organisation), _) => format!("organisaatiotunnistus, {organisation}"),
            (None, Some(means)) => format!(
                "Suomi.fi, {}",
                match means {
                    PersonalMeans::SoteCard => "Sote-kortti",
                    PersonalMeans::VrkCard => "VRK-kortti",
                    PersonalMeans::OnlineBank => "pankkitunnukset",
                    PersonalMeans::MobileCertificate => "mobiilivarmenne",
                }
            ),
            (None, None) => String::new(),
        };
        match self.administration_role {
            Some(role) => format!("{method}; {role}"),
            None => method,
        }
    }
}

/// The routes under `/auth/dev`.
pub fn router() -> Router<AppState> {
    Router::new().route("/", get(page_show).post(sign_in_create))
}

#[derive(Debug, Deserialize)]
struct PageQuery {
    /// `organisation:CODE` or `suomifi`: list only that provider's users.
    provider: Option<String>,
    return_to: Option<String>,
}

async fn page_show(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Response {
    if !state.config.dev_identity_provider {
        return crate::error::refusal(ErrorCode::NotFound);
    }
    let Ok(Query(query)) = query else {
        return refused_sign_in(&headers, None);
    };
    let return_to = safe_return_path(query.return_to.as_deref());
    let shown =
        TEST_IDENTITIES
            .iter()
            .filter(|fixture| match query.provider.as_deref().map(str::parse) {
                Some(Ok(SignInProvider::SuomiFi)) => fixture.means.is_some(),
                Some(Ok(SignInProvider::Organisation(code))) => {
                    fixture.organisation == Some(code.as_str())
                }
                Some(Err(_)) => false,
                None => true,
            });
    let mut items = String::new();
    for fixture in shown {
        items.push_str(&format!(
            "<li><form method=\"post\" action=\"/auth/dev\">\
             <input type=\"hidden\" name=\"identity\" value=\"{key}\">\
             <input type=\"hidden\" name=\"return_to\" value=\"{return_to}\">\
             <button type=\"submit\">{first} {last}</button> <span>({description})</span>\
             </form></li>",
            key = fixture.key,
            return_to = escape(&return_to),
            first = escape(fixture.first_name),
            last = escape(fixture.last_name),
            description = escape(&fixture.description()),
        ));
    }
    Html(format!(
        "<!DOCTYPE html><html lang=\"fi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Testitunnistus – Mielenterveystalo</title></head><body>\
         <header role=\"banner\"><p><strong>TESTIPALVELU – TESTTJÄNST – TEST SERVICE.</strong> \
         Tämä ei ole oikea tunnistuspalvelu. Detta är ingen riktig identifieringstjänst. \
         This is not a real identity provider.</p></header>\
         <main><h1>Valitse testikäyttäjä</h1><ul>{items}</ul>\
         <p><a href=\"{back}\">Peruuta</a></p></main></body></html>",
        back = escape(&return_to),
    ))
    .into_response()
}

#[derive(Debug, Deserialize)]
struct SignInForm {
    identity: String,
    return_to: Option<String>,
}

async fn sign_in_create(
    State(state): State<AppState>,
    headers: HeaderMap,
    session: Session,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Result<Response, AppError> {
    if !state.config.dev_identity_provider {
        return Err(ErrorCode::NotFound.into());
    }
    // A form posted from another site must not sign anybody in (login CSRF).
    if !same_origin(&headers, &state.config) {
        return Err(ErrorCode::CsrfRefused.into());
    }
    let Ok(Form(form)) = form else {
        return Ok(refused_sign_in(&headers, None));
    };
    let Some(fixture) = TEST_IDENTITIES
        .iter()
        .find(|fixture| fixture.key == form.identity)
    else {
        return Ok(refused_sign_in(&headers, form.return_to.as_deref()));
    };
    let landing = complete_sign_in(
        &session,
        &state,
        fixture.identity(),
        form.return_to.as_deref(),
    )
    .await?;
    Ok(Redirect::to(&landing).into_response())
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(character),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixtures_cover_every_organisation_and_every_means() {
        for code in domain::OrganisationCode::all() {
            assert!(
                TEST_IDENTITIES
                    .iter()
                    .any(|fixture| fixture.organisation == Some(code.as_str())),
                "{code}"
            );
        }
        for means in PersonalMeans::ALL {
            assert!(
                TEST_IDENTITIES
                    .iter()
                    .any(|fixture| fixture.means == Some(means))
            );
        }
        for fixture in &TEST_IDENTITIES {
            let _ = fixture.identity();
        }
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("/a?b=\"c\"&d=<e>"),
            "/a?b=&quot;c&quot;&amp;d=&lt;e&gt;"
        );
    }
}
