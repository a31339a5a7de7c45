//! The sign-in method rule (SPEC §1): staff of a catalogue organisation that offers
//! organisation identification sign in with their organisation's credentials; everyone else
//! signs in personally through Suomi.fi.

use serde::{Deserialize, Serialize};

use crate::organisation::{OrganisationCode, OrganisationCodeError, OrganisationGroup};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
