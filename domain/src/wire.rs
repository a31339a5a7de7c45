//! The JSON bodies of the API, shared by the app and the server so the two cannot drift.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::{ContentKind, content_for};
use crate::localised::{Language, Localised};
use crate::organisation::{OrganisationCode, OrganisationGroup};
use crate::profession::ProfessionalGroup;
use crate::reference::{RegionKind, municipalities, regions};
use crate::registration::{Profile, Registration};
use crate::sign_in::PersonalMeans;

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

/// A municipality, as `GET /api/reference` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MunicipalityEntry {
    /// The three-digit code.
    pub code: String,
    /// The name.
    pub name: LocalisedText,
    /// The code of its region (county, City of Helsinki or Åland).
    pub region_code: String,
}

/// A region, as `GET /api/reference` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionEntry {
    /// The two-digit code.
    pub code: String,
    /// The name.
    pub name: LocalisedText,
    /// County, City of Helsinki or Åland (which cannot be chosen as a county).
    pub kind: RegionKind,
}

/// A professional group, as `GET /api/reference` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfessionalGroupEntry {
    /// The group's code.
    pub code: ProfessionalGroup,
    /// The name.
    pub name: LocalisedText,
}

/// `GET /api/reference`: the reference data the app shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferenceResponse {
    /// The organisation groups.
    pub groups: Vec<OrganisationGroupEntry>,
    /// The organisation catalogue.
    pub organisations: Vec<OrganisationEntry>,
    /// The 308 municipalities.
    #[serde(default)]
    pub municipalities: Vec<MunicipalityEntry>,
    /// The 21 wellbeing services counties, the City of Helsinki and Åland.
    #[serde(default)]
    pub regions: Vec<RegionEntry>,
    /// The professional groups.
    #[serde(default)]
    pub professional_groups: Vec<ProfessionalGroupEntry>,
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
            municipalities: municipalities()
                .iter()
                .map(|municipality| MunicipalityEntry {
                    code: municipality.code.to_owned(),
                    name: municipality.name.into(),
                    region_code: municipality.region_code.to_owned(),
                })
                .collect(),
            regions: regions()
                .iter()
                .map(|region| RegionEntry {
                    code: region.code.to_owned(),
                    name: region.name.into(),
                    kind: region.kind,
                })
                .collect(),
            professional_groups: ProfessionalGroup::ALL
                .iter()
                .map(|group| ProfessionalGroupEntry {
                    code: *group,
                    name: group.name().into(),
                })
                .collect(),
        }
    }
}

/// How an identity signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum IdentityMethod {
    /// Organisation identification at a catalogue organisation.
    Organisation {
        /// Which organisation.
        organisation: OrganisationCode,
    },
    /// Suomi.fi identification.
    SuomiFi {
        /// With which means.
        means: PersonalMeans,
    },
}

/// Who is signed in, as the identity provider said. The user never types their name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identity {
    /// The provider's stable subject id, unique within the method.
    pub subject: String,
    /// How they signed in.
    pub method: IdentityMethod,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
}

impl Identity {
    /// The key of the account this identity signs in to. A Suomi.fi subject is the same person
    /// whichever means they use; an organisation's subject is unique only within that
    /// organisation.
    pub fn account_key(&self) -> String {
        match self.method {
            IdentityMethod::Organisation { organisation } => {
                format!("organisation:{organisation}:{}", self.subject)
            }
            IdentityMethod::SuomiFi { .. } => format!("suomifi:{}", self.subject),
        }
    }
}

/// `GET /api/session`: who is signed in and how far their account is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionResponse {
    /// The signed-in identity.
    pub identity: Identity,
    /// The registration, once made.
    pub registration: Option<Registration>,
    /// The profile, once made.
    pub profile: Option<Profile>,
    /// Minutes of inactivity after which the session ends (the app warns before).
    pub idle_minutes: u32,
}

/// One content item, as `GET /api/content` sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentEntry {
    /// The stable id.
    pub id: String,
    /// What kind of content it is.
    pub kind: ContentKind,
    /// The title.
    pub title: LocalisedText,
    /// The summary.
    pub summary: LocalisedText,
}

/// `GET /api/content`: the items the user's group may see, and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentResponse {
    /// The group the list is for.
    pub professional_group: ProfessionalGroup,
    /// The items, in catalogue order.
    pub items: Vec<ContentEntry>,
}

impl ContentResponse {
    /// The items `group` may see.
    pub fn for_group(group: ProfessionalGroup) -> Self {
        ContentResponse {
            professional_group: group,
            items: content_for(group)
                .map(|item| ContentEntry {
                    id: item.id.to_owned(),
                    kind: item.kind,
                    title: item.title.into(),
                    summary: item.summary.into(),
                })
                .collect(),
        }
    }
}

/// The header the app sends with every state-changing API request; the server refuses such a
/// request without it (its CSRF guard, with the Origin check).
pub const CSRF_HEADER: &str = "x-mtt-csrf";

/// Percent-encodes a query value: everything but RFC 3986's unreserved characters. The app
/// builds the sign-in links with it and the server its redirects, so both write the same URL.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
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
        assert_eq!(reference.municipalities.len(), 308);
        assert_eq!(reference.regions.len(), 23);
        assert_eq!(reference.professional_groups.len(), 12);
    }

    #[test]
    fn session_has_a_stable_wire_form() {
        let registration = crate::registration::RegistrationInput {
            phone: "040 123 4567".into(),
            email: "maija@esimerkki.fi".into(),
            organisations: vec!["organisation:HUS".into()],
        }
        .validate()
        .unwrap();
        let session = SessionResponse {
            identity: Identity {
                subject: "dev-hus-1".into(),
                method: IdentityMethod::Organisation {
                    organisation: "HUS".parse().unwrap(),
                },
                first_name: "Maija".into(),
                last_name: "Meikäläinen".into(),
            },
            registration: Some(registration),
            profile: None,
            idle_minutes: 30,
        };
        let json = serde_json::to_value(&session).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "identity": {
                    "subject": "dev-hus-1",
                    "method": {"method": "organisation", "organisation": "HUS"},
                    "first_name": "Maija",
                    "last_name": "Meikäläinen",
                },
                "registration": {
                    "phone": "+358401234567",
                    "email": "maija@esimerkki.fi",
                    "organisations": ["organisation:HUS"],
                },
                "profile": null,
                "idle_minutes": 30,
            })
        );
        assert_eq!(
            serde_json::from_value::<SessionResponse>(json).unwrap(),
            session
        );
    }

    #[test]
    fn the_account_key_ignores_the_suomi_fi_means_but_not_the_organisation() {
        let person = |method| Identity {
            subject: "s-1".into(),
            method,
            first_name: "Maija".into(),
            last_name: "Meikäläinen".into(),
        };
        let bank = person(IdentityMethod::SuomiFi {
            means: PersonalMeans::OnlineBank,
        });
        let card = person(IdentityMethod::SuomiFi {
            means: PersonalMeans::SoteCard,
        });
        assert_eq!(bank.account_key(), card.account_key());
        let hus = person(IdentityMethod::Organisation {
            organisation: "HUS".parse().unwrap(),
        });
        let tyks = person(IdentityMethod::Organisation {
            organisation: "TYKS".parse().unwrap(),
        });
        assert_ne!(hus.account_key(), tyks.account_key());
        assert_ne!(hus.account_key(), bank.account_key());
    }

    #[test]
    fn content_for_a_group_holds_only_its_items() {
        let content = ContentResponse::for_group(ProfessionalGroup::Student);
        assert!(
            content
                .items
                .iter()
                .any(|item| item.id == "student-introduction")
        );
        assert!(!content.items.iter().any(|item| item.id == "phq-9"));
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            percent_encode("organisation:PÄIJÄTHA"),
            "organisation%3AP%C3%84IJ%C3%84THA"
        );
        assert_eq!(percent_encode("/a b?c=d&e~"), "%2Fa%20b%3Fc%3Dd%26e~");
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
