//! The JSON bodies of the API, shared by the app and the server so the two cannot drift.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::localised::{Language, Localised};
use crate::organisation::{OrganisationCode, OrganisationGroup};

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthResponse {
    /// `"ok"` when the server and its database answer.
    pub status: String,
    /// The server's version.
    pub version: String,
}

/// A name in the three languages, owned, for the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalisedText {
    /// Finnish.
    pub fi: String,
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

impl LocalisedText {
    /// The text in `language`.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Fi => &self.fi,
            Language::Sv => &self.sv,
            Language::En => &self.en,
        }
    }
}

impl From<Localised> for LocalisedText {
    fn from(localised: Localised) -> Self {
        LocalisedText {
            fi: localised.fi.to_owned(),
            sv: localised.sv.to_owned(),
            en: localised.en.to_owned(),
        }
    }
}

/// One organisation of the catalogue, as `GET /api/reference` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationEntry {
    /// The stable code.
    pub code: OrganisationCode,
    /// The full name.
    pub name: LocalisedText,
    /// The group the identification step lists it under.
    pub group: OrganisationGroup,
    /// Whether its staff sign in with organisation identification.
    pub offers_organisation_identification: bool,
}

/// A group of organisations with its name, as `GET /api/reference` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationGroupEntry {
    /// The group.
    pub group: OrganisationGroup,
    /// Its name.
    pub name: LocalisedText,
}

/// `GET /api/reference`: the reference data the app shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceResponse {
    /// The organisation groups.
    pub groups: Vec<OrganisationGroupEntry>,
    /// The organisation catalogue.
    pub organisations: Vec<OrganisationEntry>,
}

impl ReferenceResponse {
    /// The reference data of this build of `domain`.
    pub fn current() -> Self {
        ReferenceResponse {
            groups: OrganisationGroup::ALL
                .iter()
                .map(|group| OrganisationGroupEntry {
                    group: *group,
                    name: group.name().into(),
                })
                .collect(),
            organisations: OrganisationCode::all()
                .map(|code| {
                    let organisation = code.organisation();
                    OrganisationEntry {
                        code,
                        name: organisation.name.into(),
                        group: organisation.group,
                        offers_organisation_identification: organisation
                            .offers_organisation_identification,
                    }
                })
                .collect(),
        }
    }
}

/// The query of `GET /api/sign-in-method`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInMethodQuery {
    /// The code of the user's workplace, if it is a catalogue organisation.
    pub organisation: Option<String>,
}

/// A 4xx answer: one code for the whole request, or codes per field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A code for the request as a whole (`not_found`, `bad_request`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Codes per field, for 422 answers.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_round_trips_through_json() {
        let reference = ReferenceResponse::current();
        let json = serde_json::to_string(&reference).unwrap();
        assert_eq!(
            serde_json::from_str::<ReferenceResponse>(&json).unwrap(),
            reference
        );
        assert_eq!(reference.organisations.len(), 8);
        assert_eq!(reference.groups.len(), 2);
    }

    #[test]
    fn error_body_leaves_out_what_it_does_not_carry() {
        let body = ErrorBody {
            code: Some("not_found".into()),
            ..ErrorBody::default()
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"code":"not_found"}"#
        );
    }
}
