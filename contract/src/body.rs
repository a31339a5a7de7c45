//! The JSON bodies of the API: what each endpoint takes and answers. The domain's own types
//! (the registration, the profile, the sign-in verdict, the identity) travel as they are.

use domain::content::{ContentItem, ContentKind};
use domain::profession::ProfessionalGroup;
use domain::reference::{RegionKind, municipalities, regions};
use domain::registration::{Profile, Registration};
use domain::{
    CalendarDate, Email, Identity, Language, Localised, OrganisationCode, OrganisationGroup,
};
use serde::{Deserialize, Serialize};

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthResponse {
    /// `"ok"` when the server and its database answer.
    pub status: String,
    /// The server's version.
    pub version: String,
}

/// A name in the three languages, owned, for the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationGroupEntry {
    /// The group.
    pub group: OrganisationGroup,
    /// Its name.
    pub name: LocalisedText,
}

/// A municipality, as `GET /api/reference` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfessionalGroupEntry {
    /// The group's code.
    pub code: ProfessionalGroup,
    /// The name.
    pub name: LocalisedText,
}

/// `GET /api/reference`: the reference data the app shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// `GET /api/session`: who is signed in and how far their account is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContentResponse {
    /// The group the list is for.
    pub professional_group: ProfessionalGroup,
    /// The items, in catalogue order.
    pub items: Vec<ContentEntry>,
}

impl From<&ContentItem> for ContentEntry {
    fn from(item: &ContentItem) -> Self {
        ContentEntry {
            id: item.id.to_owned(),
            kind: item.kind,
            title: item.title.into(),
            summary: item.summary.into(),
        }
    }
}

/// `GET /api/operator`: the facts of the organisation that runs this service, which the
/// accessibility statement and the privacy notice show. The same for everyone, no personal
/// data; server configuration (in development, marked example values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OperatorResponse {
    /// The controller (rekisterinpitäjä): the organisation responsible for the personal data.
    pub controller_name: String,
    /// How to reach the controller (address, telephone, e-mail), as configured.
    pub controller_contact: String,
    /// How to reach the controller's data protection officer, as configured.
    pub data_protection_officer: String,
    /// Where to send feedback on accessibility.
    pub accessibility_feedback: Email,
    /// The date of the accessibility statement.
    pub statement_date: CalendarDate,
    /// The date the service's accessibility was last assessed.
    pub assessed_date: CalendarDate,
    /// Minutes of inactivity after which a session ends (the notice's retention of sessions).
    pub session_idle_minutes: u32,
    /// Hours after sign-in after which a session ends in any case.
    pub session_absolute_hours: u32,
    /// The facts are the development server's examples, not an operator's.
    pub examples: bool,
}

/// The query of `GET /api/sign-in-method`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SignInMethodQuery {
    /// The code of the user's workplace, if it is a catalogue organisation.
    pub organisation: Option<String>,
}

#[cfg(test)]
mod tests {
    use domain::IdentityMethod;

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
        let registration = domain::registration::RegistrationInput {
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
    fn content_entries_carry_the_catalogue_items() {
        let items: Vec<ContentEntry> = domain::content::content_for(ProfessionalGroup::Student)
            .map(ContentEntry::from)
            .collect();
        assert!(items.iter().any(|item| item.id == "student-introduction"));
        assert!(!items.iter().any(|item| item.id == "phq-9"));
    }
}
