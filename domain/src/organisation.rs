//! The organisation catalogue: the eight organisations whose staff sign in with organisation
//! identification (SPEC §1, §4), with their names in three languages and their group.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::localised::Localised;

/// The two groups the identification step offers before the organisation itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationGroup {
    /// "Yliopistosairaanhoitopiirit": HUS, OYS, TYKS.
    UniversityHospitalDistricts,
    /// "Hyvinvointiyhtymät ja -alueet": PSHVA, PIRHA, LSHP, SOITE, PÄIJÄTHA.
    WellbeingJointAuthoritiesAndCounties,
}

impl OrganisationGroup {
    /// Both groups, in the order the identification step shows them.
    pub const ALL: [OrganisationGroup; 2] = [
        OrganisationGroup::UniversityHospitalDistricts,
        OrganisationGroup::WellbeingJointAuthoritiesAndCounties,
    ];

    /// The group's name as the service shows it.
    pub fn name(self) -> Localised {
        match self {
            OrganisationGroup::UniversityHospitalDistricts => Localised {
                fi: "Yliopistosairaanhoitopiirit",
                sv: "Universitetssjukvårdsdistrikt",
                en: "University hospital districts",
            },
            OrganisationGroup::WellbeingJointAuthoritiesAndCounties => Localised {
                fi: "Hyvinvointiyhtymät ja -alueet",
                sv: "Välfärdssammanslutningar och -områden",
                en: "Wellbeing joint authorities and counties",
            },
        }
    }
}

/// One organisation of the catalogue.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Organisation {
    /// The abbreviation, which is also the organisation's stable code (upper case).
    pub abbreviation: &'static str,
    /// The full name in three languages.
    pub name: Localised,
    /// The group the identification step lists it under.
    pub group: OrganisationGroup,
    /// Whether its staff sign in with the organisation's own credentials.
    pub offers_organisation_identification: bool,
    /// The wellbeing services county this organisation is (its code), where it is one. The
    /// organisation picker then lists the organisation and not the county a second time.
    pub county: Option<&'static str>,
}

/// The catalogue, in the order the service lists it.
pub static ORGANISATIONS: [Organisation; 8] = [
    Organisation {
        abbreviation: "HUS",
        name: Localised {
            fi: "Helsingin ja Uudenmaan sairaanhoitopiiri",
            sv: "Helsingfors och Nylands sjukvårdsdistrikt",
            en: "Hospital District of Helsinki and Uusimaa",
        },
        group: OrganisationGroup::UniversityHospitalDistricts,
        offers_organisation_identification: true,
        county: None,
    },
    Organisation {
        abbreviation: "OYS",
        name: Localised {
            fi: "Oulun yliopistollinen sairaala",
            sv: "Uleåborgs universitetssjukhus",
            en: "Oulu University Hospital",
        },
        group: OrganisationGroup::UniversityHospitalDistricts,
        offers_organisation_identification: true,
        county: None,
    },
    Organisation {
        abbreviation: "TYKS",
        name: Localised {
            fi: "Turun yliopistollinen keskussairaala",
            sv: "Åbo universitetscentralsjukhus",
            en: "Turku University Hospital",
        },
        group: OrganisationGroup::UniversityHospitalDistricts,
        offers_organisation_identification: true,
        county: None,
    },
    Organisation {
        abbreviation: "PSHVA",
        name: Localised {
            fi: "Pohjois-Savon hyvinvointialue",
            sv: "Norra Savolax välfärdsområde",
            en: "North Savo wellbeing services county",
        },
        group: OrganisationGroup::WellbeingJointAuthoritiesAndCounties,
        offers_organisation_identification: true,
        county: Some("13"),
    },
    Organisation {
        abbreviation: "PIRHA",
        name: Localised {
            fi: "Pirkanmaan hyvinvointialue",
            sv: "Birkalands välfärdsområde",
            en: "Pirkanmaa wellbeing services county",
        },
        group: OrganisationGroup::WellbeingJointAuthoritiesAndCounties,
        offers_organisation_identification: true,
        county: Some("08"),
    },
    Organisation {
        abbreviation: "LSHP",
        name: Localised {
            fi: "Lapin sairaanhoitopiiri",
            sv: "Lapplands sjukvårdsdistrikt",
            en: "Lapland Hospital District",
        },
        group: OrganisationGroup::WellbeingJointAuthoritiesAndCounties,
        offers_organisation_identification: true,
        county: Some("21"),
    },
    Organisation {
        abbreviation: "SOITE",
        name: Localised {
            fi: "Keski-Pohjanmaan hyvinvointialue Soite",
            sv: "Mellersta Österbottens välfärdsområde Soite",
            en: "Central Ostrobothnia wellbeing services county Soite",
        },
        group: OrganisationGroup::WellbeingJointAuthoritiesAndCounties,
        offers_organisation_identification: true,
        county: Some("18"),
    },
    Organisation {
        abbreviation: "PÄIJÄTHA",
        name: Localised {
            fi: "Päijät-Hämeen hyvinvointiyhtymä",
            sv: "Päijät-Tavastlands välfärdssammanslutning",
            en: "Päijät-Häme Joint Authority for Health and Wellbeing",
        },
        group: OrganisationGroup::WellbeingJointAuthoritiesAndCounties,
        offers_organisation_identification: true,
        county: Some("09"),
    },
];

/// The code of an organisation of the catalogue. It can only hold a code that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OrganisationCode(&'static Organisation);

/// Why a text is not the code of a catalogue organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationCodeError {
    /// Nothing but white space was given.
    #[error("empty")]
    Empty,
    /// The text names no organisation of the catalogue.
    #[error("unknown organisation")]
    Unknown,
}

impl OrganisationCodeError {
    /// Every error, for the app's tests that each has its own message.
    pub const ALL: [OrganisationCodeError; 2] =
        [OrganisationCodeError::Empty, OrganisationCodeError::Unknown];

    /// The stable code the API sends and the app translates.
    pub fn code(self) -> &'static str {
        match self {
            OrganisationCodeError::Empty => "empty",
            OrganisationCodeError::Unknown => "unknown",
        }
    }
}

impl OrganisationCode {
    /// The code as stored and sent (the upper-case abbreviation).
    pub fn as_str(&self) -> &'static str {
        self.0.abbreviation
    }

    /// The organisation this code names.
    pub fn organisation(&self) -> &'static Organisation {
        self.0
    }

    /// Every code of the catalogue, in catalogue order.
    pub fn all() -> impl Iterator<Item = OrganisationCode> {
        ORGANISATIONS.iter().map(OrganisationCode)
    }
}

impl FromStr for OrganisationCode {
    type Err = OrganisationCodeError;

    /// Accepts the abbreviation in any case and with surrounding white space ("hus", " Tyks ").
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(OrganisationCodeError::Empty);
        }
        let upper = text.to_uppercase();
        ORGANISATIONS
            .iter()
            .find(|organisation| organisation.abbreviation == upper)
            .map(OrganisationCode)
            .ok_or(OrganisationCodeError::Unknown)
    }
}

crate::text_form!(OrganisationCode);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::localised::Language;

    fn check(text: &str, expected: Result<&str, OrganisationCodeError>) {
        let actual = text.parse::<OrganisationCode>().map(|code| code.as_str());
        assert_eq!(actual, expected, "input {text:?}");
    }

    #[test]
    fn parses_codes_of_the_catalogue() {
        check("HUS", Ok("HUS"));
        check("hus", Ok("HUS"));
        check("  Tyks ", Ok("TYKS"));
        check("päijätha", Ok("PÄIJÄTHA"));
        check("PÄIJÄTHA", Ok("PÄIJÄTHA"));
        check("", Err(OrganisationCodeError::Empty));
        check(" \t", Err(OrganisationCodeError::Empty));
        check("KYS", Err(OrganisationCodeError::Unknown));
        check("HUS HUS", Err(OrganisationCodeError::Unknown));
    }

    #[test]
    fn error_codes_match_their_wire_form() {
        for error in [OrganisationCodeError::Empty, OrganisationCodeError::Unknown] {
            assert_eq!(
                serde_json::to_string(&error).unwrap(),
                format!("\"{}\"", error.code())
            );
        }
    }

    #[test]
    fn catalogue_has_the_eight_organisations_of_the_spec_in_their_groups() {
        let in_group = |group| {
            ORGANISATIONS
                .iter()
                .filter(|organisation| organisation.group == group)
                .map(|organisation| organisation.abbreviation)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            in_group(OrganisationGroup::UniversityHospitalDistricts),
            ["HUS", "OYS", "TYKS"]
        );
        assert_eq!(
            in_group(OrganisationGroup::WellbeingJointAuthoritiesAndCounties),
            ["PSHVA", "PIRHA", "LSHP", "SOITE", "PÄIJÄTHA"]
        );
    }

    #[test]
    fn every_name_exists_in_every_language() {
        for organisation in &ORGANISATIONS {
            for language in Language::ALL {
                assert!(!organisation.name.get(language).is_empty());
            }
        }
        for group in OrganisationGroup::ALL {
            for language in Language::ALL {
                assert!(!group.name().get(language).is_empty());
            }
        }
    }

    #[test]
    fn code_serialises_as_its_abbreviation_and_refuses_unknown_codes() {
        let code: OrganisationCode = "pirha".parse().unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"PIRHA\"");
        assert_eq!(
            serde_json::from_str::<OrganisationCode>("\"PIRHA\"").unwrap(),
            code
        );
        assert!(serde_json::from_str::<OrganisationCode>("\"XYZ\"").is_err());
    }
}
