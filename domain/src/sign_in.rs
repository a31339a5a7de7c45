//! The sign-in method rule (SPEC §1): staff of a catalogue organisation that offers
//! organisation identification sign in with their organisation's credentials; everyone else
//! signs in personally through Suomi.fi.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::organisation::{OrganisationCode, OrganisationCodeError, OrganisationGroup};
use crate::wire::percent_encode;

/// A means of Suomi.fi identification that the personal path accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalMeans {
    /// Sote-kortti, the social and health care professional card.
    SoteCard,
    /// VRK-kortti, the Digital and Population Data Services Agency's card.
    VrkCard,
    /// Online bank credentials.
    OnlineBank,
    /// A mobile certificate (mobiilivarmenne).
    MobileCertificate,
}

impl PersonalMeans {
    /// Every means, in the order the service lists them.
    pub const ALL: [PersonalMeans; 4] = [
        PersonalMeans::SoteCard,
        PersonalMeans::VrkCard,
        PersonalMeans::OnlineBank,
        PersonalMeans::MobileCertificate,
    ];
}

/// How a user signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum SignInMethod {
    /// With the credentials of the user's own organisation, listed under `group`.
    Organisation {
        /// The organisation whose identification the user uses.
        organisation: OrganisationCode,
        /// The group the identification step lists the organisation under.
        group: OrganisationGroup,
    },
    /// Personally, through Suomi.fi, with one of [`PersonalMeans::ALL`].
    Personal,
}

impl SignInMethod {
    /// The method for someone who works at `workplace`, the code of a catalogue organisation,
    /// or at none of them (`None`, or only white space): the guide's "which one is mine?".
    pub fn for_workplace(workplace: Option<&str>) -> Result<SignInMethod, OrganisationCodeError> {
        let Some(text) = workplace.filter(|text| !text.trim().is_empty()) else {
            return Ok(SignInMethod::Personal);
        };
        let code: OrganisationCode = text.parse()?;
        Ok(SignInMethod::for_organisation(code))
    }

    /// The method for the staff of `code`.
    pub fn for_organisation(code: OrganisationCode) -> SignInMethod {
        let organisation = code.organisation();
        if organisation.offers_organisation_identification {
            SignInMethod::Organisation {
                organisation: code,
                group: organisation.group,
            }
        } else {
            SignInMethod::Personal
        }
    }
}

/// The identity provider a sign-in goes to: one organisation's, or Suomi.fi. Its text form
/// (`organisation:HUS`, `suomifi`) is the `provider` of the app's sign-in links and of the
/// server's redirects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignInProvider {
    /// The organisation's own identification.
    Organisation(OrganisationCode),
    /// Suomi.fi identification.
    SuomiFi,
}

/// The error of a provider text that names no provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown provider")]
pub struct UnknownProvider;

impl FromStr for SignInProvider {
    type Err = UnknownProvider;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text == "suomifi" {
            return Ok(SignInProvider::SuomiFi);
        }
        text.strip_prefix("organisation:")
            .and_then(|code| code.parse().ok())
            .map(SignInProvider::Organisation)
            .ok_or(UnknownProvider)
    }
}

impl fmt::Display for SignInProvider {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignInProvider::Organisation(code) => write!(formatter, "organisation:{code}"),
            SignInProvider::SuomiFi => formatter.write_str("suomifi"),
        }
    }
}

impl SignInProvider {
    /// Every provider: the organisations that offer organisation identification, then
    /// Suomi.fi.
    pub fn all() -> impl Iterator<Item = SignInProvider> {
        OrganisationCode::all()
            .filter(|code| code.organisation().offers_organisation_identification)
            .map(SignInProvider::Organisation)
            .chain(std::iter::once(SignInProvider::SuomiFi))
    }

    /// The server path that starts a sign-in with this provider and returns to `return_to`
    /// (made safe with [`safe_return_path`]).
    pub fn start_path(self, return_to: Option<&str>) -> String {
        format!(
            "/auth/start?provider={}&return_to={}",
            percent_encode(&self.to_string()),
            percent_encode(&safe_return_path(return_to))
        )
    }
}

/// Where to go after sign-in: a path of this app (`/…`), never another site (`//host`,
/// `https://…`), a backslash trick or a control character; anything else is the front page.
pub fn safe_return_path(return_to: Option<&str>) -> String {
    match return_to {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// The app's paths that the server also needs (redirects after sign-in). The app's `Page`
/// enum reads them from here, so a route is written once.
pub mod paths {
    /// The front page of the professionals' section.
    pub const HOME: &str = "/";
    /// The identification step.
    pub const IDENTIFICATION: &str = "/tunnistautuminen";
    /// The registration form (once per identity).
    pub const REGISTRATION: &str = "/rekisteroityminen";
    /// The profile form (once).
    pub const PROFILE: &str = "/profiili";
    /// The professionals' section: the content list.
    pub const SECTION: &str = "/osio";
    /// "Omat tiedot": editing the registration and the profile.
    pub const SETTINGS: &str = "/omat-tiedot";
}

/// The identification step, to come back to `return_to` (made safe with
/// [`safe_return_path`]) after sign-in: every "sign in" link of the app and the server's
/// return after a failed sign-in.
pub fn identification_path(return_to: &str) -> String {
    format!(
        "{}?return_to={}",
        paths::IDENTIFICATION,
        percent_encode(&safe_return_path(Some(return_to)))
    )
}

/// Where the user lands after signing in (SPEC §1–§3): the registration form if the account
/// has none, else the profile form if it has none, else the path they came for (the section
/// when they came for nothing in particular). A deep link survives the first two steps as
/// their `return_to`.
pub fn landing_path(registered: bool, profiled: bool, return_to: Option<&str>) -> String {
    let wanted = safe_return_path(return_to);
    let step = if !registered {
        paths::REGISTRATION
    } else if !profiled {
        paths::PROFILE
    } else if wanted == paths::HOME {
        return paths::SECTION.to_owned();
    } else {
        return wanted;
    };
    if wanted == paths::HOME || wanted.starts_with(step) {
        step.to_owned()
    } else {
        format!("{step}?return_to={}", percent_encode(&wanted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_links_return_to_this_site_only() {
        assert_eq!(
            identification_path("/osio?x=1"),
            "/tunnistautuminen?return_to=%2Fosio%3Fx%3D1"
        );
        assert_eq!(
            identification_path("https://evil.example/"),
            "/tunnistautuminen?return_to=%2F"
        );
    }

    #[test]
    fn sign_in_lands_on_the_next_step_of_the_flow() {
        assert_eq!(landing_path(false, false, None), "/rekisteroityminen");
        assert_eq!(landing_path(false, false, Some("/")), "/rekisteroityminen");
        assert_eq!(landing_path(true, false, None), "/profiili");
        assert_eq!(landing_path(true, true, None), "/osio");
        assert_eq!(landing_path(true, true, Some("/")), "/osio");
    }

    #[test]
    fn a_deep_link_survives_the_registration_and_profile_steps() {
        assert_eq!(
            landing_path(false, false, Some("/omat-tiedot")),
            "/rekisteroityminen?return_to=%2Fomat-tiedot"
        );
        assert_eq!(
            landing_path(true, false, Some("/osio")),
            "/profiili?return_to=%2Fosio"
        );
        assert_eq!(
            landing_path(true, true, Some("/omat-tiedot")),
            "/omat-tiedot"
        );
        // Coming for the step itself does not loop back to it.
        assert_eq!(
            landing_path(false, false, Some("/rekisteroityminen")),
            "/rekisteroityminen"
        );
        // Another site is never a landing.
        assert_eq!(landing_path(true, true, Some("//evil.example")), "/osio");
    }

    fn organisation(code: &str, group: OrganisationGroup) -> SignInMethod {
        SignInMethod::Organisation {
            organisation: code.parse().unwrap(),
            group,
        }
    }

    fn check(workplace: Option<&str>, expected: Result<SignInMethod, OrganisationCodeError>) {
        assert_eq!(
            SignInMethod::for_workplace(workplace),
            expected,
            "workplace {workplace:?}"
        );
    }

    #[test]
    fn staff_of_catalogue_organisations_use_organisation_identification() {
        use OrganisationGroup::*;
        check(
            Some("HUS"),
            Ok(organisation("HUS", UniversityHospitalDistricts)),
        );
        check(
            Some("tyks"),
            Ok(organisation("TYKS", UniversityHospitalDistricts)),
        );
        check(
            Some("Päijätha"),
            Ok(organisation(
                "PÄIJÄTHA",
                WellbeingJointAuthoritiesAndCounties,
            )),
        );
    }

    #[test]
    fn everyone_else_signs_in_personally() {
        check(None, Ok(SignInMethod::Personal));
        check(Some("   "), Ok(SignInMethod::Personal));
    }

    #[test]
    fn an_unknown_workplace_code_is_an_error_not_a_guess() {
        check(Some("KYS"), Err(OrganisationCodeError::Unknown));
    }

    #[test]
    fn verdict_has_a_stable_wire_form() {
        let verdict = SignInMethod::for_workplace(Some("oys")).unwrap();
        assert_eq!(
            serde_json::to_string(&verdict).unwrap(),
            r#"{"method":"organisation","organisation":"OYS","group":"university_hospital_districts"}"#
        );
        assert_eq!(
            serde_json::to_string(&SignInMethod::Personal).unwrap(),
            r#"{"method":"personal"}"#
        );
    }

    #[test]
    fn return_paths_stay_on_this_site() {
        for (input, expected) in [
            (Some("/ammattilaiset?x=1"), "/ammattilaiset?x=1"),
            (Some("/"), "/"),
            (Some("//evil.example/"), "/"),
            (Some("https://evil.example/"), "/"),
            (Some("/\\evil.example"), "/"),
            (Some("/a\nb"), "/"),
            (Some(""), "/"),
            (None, "/"),
        ] {
            assert_eq!(safe_return_path(input), expected, "{input:?}");
        }
    }

    #[test]
    fn providers_have_one_text_form() {
        for (text, expected) in [
            ("suomifi", Ok(SignInProvider::SuomiFi)),
            (
                "organisation:tyks",
                Ok(SignInProvider::Organisation("TYKS".parse().unwrap())),
            ),
            ("organisation:KYS", Err(UnknownProvider)),
            ("SUOMIFI", Err(UnknownProvider)),
            ("", Err(UnknownProvider)),
        ] {
            assert_eq!(text.parse::<SignInProvider>(), expected, "{text:?}");
        }
        let pirha = SignInProvider::Organisation("PÄIJÄTHA".parse().unwrap());
        assert_eq!(pirha.to_string().parse(), Ok(pirha));
        assert_eq!(
            pirha.start_path(Some("//evil.example")),
            "/auth/start?provider=organisation%3AP%C3%84IJ%C3%84THA&return_to=%2F"
        );
    }
}
