//! The sign-in method rule (SPEC §1): staff of a catalogue organisation that offers
//! organisation identification sign in with their organisation's credentials; everyone else
//! signs in personally through Suomi.fi.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::organisation::{OrganisationCode, OrganisationCodeError, OrganisationGroup};

/// A means of Suomi.fi identification that the personal path accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// How far an account is in the professionals' flow (SPEC §1–§3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountProgress {
    /// No registration yet.
    Unregistered,
    /// Registered, no profile yet.
    Registered,
    /// Registered and profiled: the section is open.
    Profiled,
}

/// A step of the flow that an account must take before the section opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FlowStep {
    /// The registration form.
    Registration,
    /// The profile form.
    Profile,
}

impl AccountProgress {
    /// How far an account is that has (or has not) a registration and a profile.
    pub fn of(registration: bool, profile: bool) -> AccountProgress {
        match (registration, profile) {
            (false, _) => AccountProgress::Unregistered,
            (true, false) => AccountProgress::Registered,
            (true, true) => AccountProgress::Profiled,
        }
    }

    /// The step the account must take next: the registration if it has none, else the
    /// profile if it has none, else none.
    pub fn next_step(self) -> Option<FlowStep> {
        match self {
            AccountProgress::Unregistered => Some(FlowStep::Registration),
            AccountProgress::Registered => Some(FlowStep::Profile),
            AccountProgress::Profiled => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flow_asks_for_the_registration_then_the_profile() {
        assert_eq!(
            AccountProgress::of(false, false).next_step(),
            Some(FlowStep::Registration)
        );
        assert_eq!(
            AccountProgress::of(false, true).next_step(),
            Some(FlowStep::Registration)
        );
        assert_eq!(
            AccountProgress::of(true, false).next_step(),
            Some(FlowStep::Profile)
        );
        assert_eq!(AccountProgress::of(true, true).next_step(), None);
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
    }
}
