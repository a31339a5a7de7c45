//! Cooperation organisations (yhteistyöorganisaatiot): what the registration's organisation
//! picker offers and what a registration holds. One list: the catalogue organisations, the
//! wellbeing services counties with the City of Helsinki, and all 308 municipalities.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::localised::Localised;
use crate::organisation::OrganisationCode;
use crate::reference::{MunicipalityCode, WellbeingCountyCode, municipalities};

/// The most organisations one registration may name. Enough for someone who works for
/// several employers and municipalities; few enough to check by eye before saving.
pub const MAX_COOPERATION_ORGANISATIONS: usize = 20;

/// One entry of the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CooperationOrganisation {
    /// A catalogue organisation (HUS, PIRHA, …).
    Organisation(OrganisationCode),
    /// A wellbeing services county or the City of Helsinki.
    County(WellbeingCountyCode),
    /// A municipality (for a workplace not on the list, or a private practitioner's home
    /// municipality).
    Municipality(MunicipalityCode),
}

/// What kind of entry it is, for marking municipalities as such in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CooperationKind {
    /// A catalogue organisation.
    Organisation,
    /// A wellbeing services county or the City of Helsinki.
    County,
    /// A municipality.
    Municipality,
}

impl CooperationOrganisation {
    /// Every entry of the picker: organisations, then counties, then municipalities.
    pub fn all() -> impl Iterator<Item = CooperationOrganisation> {
        OrganisationCode::all()
            .map(CooperationOrganisation::Organisation)
            .chain(
                WellbeingCountyCode::all()
                    .filter(|county| !is_catalogue_organisation(*county))
                    .map(CooperationOrganisation::County),
            )
            .chain(municipalities().iter().map(|municipality| {
                CooperationOrganisation::Municipality(
                    municipality
                        .code
                        .parse()
                        .expect("the table's own codes parse"),
                )
            }))
    }

    /// The stable code: `organisation:HUS`, `county:05`, `municipality:091`.
    pub fn code(&self) -> String {
        match self {
            CooperationOrganisation::Organisation(code) => format!("organisation:{code}"),
            CooperationOrganisation::County(code) => format!("county:{code}"),
            CooperationOrganisation::Municipality(code) => format!("municipality:{code}"),
        }
    }

    /// What kind of entry it is.
    pub fn kind(&self) -> CooperationKind {
        match self {
            CooperationOrganisation::Organisation(_) => CooperationKind::Organisation,
            CooperationOrganisation::County(_) => CooperationKind::County,
            CooperationOrganisation::Municipality(_) => CooperationKind::Municipality,
        }
    }

    /// The name in three languages.
    pub fn name(&self) -> Localised {
        match self {
            CooperationOrganisation::Organisation(code) => code.organisation().name,
            CooperationOrganisation::County(code) => code.region().name,
            CooperationOrganisation::Municipality(code) => code.municipality().name,
        }
    }

    /// The abbreviation, for catalogue organisations.
    pub fn abbreviation(&self) -> Option<&'static str> {
        match self {
            CooperationOrganisation::Organisation(code) => Some(code.as_str()),
            _ => None,
        }
    }
}

/// Whether a catalogue organisation stands for this county (PIRHA for Pirkanmaa …): the
/// picker lists it once, as the organisation.
fn is_catalogue_organisation(county: WellbeingCountyCode) -> bool {
    OrganisationCode::all().any(|code| code.organisation().county == Some(county.as_str()))
}

/// Why a code is no entry of the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CooperationCodeError {
    /// Not of the form `kind:code`, or an unknown kind.
    #[error("malformed")]
    Malformed,
    /// No such organisation, county or municipality.
    #[error("unknown")]
    Unknown,
}

impl FromStr for CooperationOrganisation {
    type Err = CooperationCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (kind, code) = text
            .trim()
            .split_once(':')
            .ok_or(CooperationCodeError::Malformed)?;
        match kind {
            "organisation" => code
                .parse()
                .map(CooperationOrganisation::Organisation)
                .map_err(|_| CooperationCodeError::Unknown),
            "county" => code
                .parse()
                .ok()
                .filter(|county| !is_catalogue_organisation(*county))
                .map(CooperationOrganisation::County)
                .ok_or(CooperationCodeError::Unknown),
            "municipality" => code
                .parse()
                .map(CooperationOrganisation::Municipality)
                .map_err(|_| CooperationCodeError::Unknown),
            _ => Err(CooperationCodeError::Malformed),
        }
    }
}

impl fmt::Display for CooperationOrganisation {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.code())
    }
}

impl Serialize for CooperationOrganisation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for CooperationOrganisation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The organisations of one registration: at least one, at most
/// [`MAX_COOPERATION_ORGANISATIONS`], no duplicates, every one known. Kept in the user's order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CooperationOrganisations(Vec<CooperationOrganisation>);

/// Why a list of codes is not a valid set of cooperation organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CooperationOrganisationsError {
    /// None was chosen.
    #[error("required")]
    Required,
    /// More than the maximum.
    #[error("too many (at most {max})")]
    TooMany {
        /// The maximum.
        max: usize,
    },
    /// The same entry twice.
    #[error("duplicate")]
    Duplicate,
    /// A code that names no entry of the picker.
    #[error("unknown")]
    Unknown,
}

impl CooperationOrganisationsError {
    /// Every error, for the app's tests that each has its own message.
    pub const ALL: [CooperationOrganisationsError; 4] = [
        CooperationOrganisationsError::Required,
        CooperationOrganisationsError::TooMany {
            max: MAX_COOPERATION_ORGANISATIONS,
        },
        CooperationOrganisationsError::Duplicate,
        CooperationOrganisationsError::Unknown,
    ];

    /// The stable code the API sends and the app translates.
    pub fn code(self) -> &'static str {
        match self {
            CooperationOrganisationsError::Required => "required",
            CooperationOrganisationsError::TooMany { .. } => "too_many",
            CooperationOrganisationsError::Duplicate => "duplicate",
            CooperationOrganisationsError::Unknown => "unknown",
        }
    }
}

impl CooperationOrganisations {
    /// Checks a list of codes as the user chose them.
    pub fn parse<S: AsRef<str>>(codes: &[S]) -> Result<Self, CooperationOrganisationsError> {
        if codes.is_empty() {
            return Err(CooperationOrganisationsError::Required);
        }
        let mut chosen: Vec<CooperationOrganisation> = Vec::with_capacity(codes.len());
        for code in codes {
            let organisation: CooperationOrganisation = code
                .as_ref()
                .parse()
                .map_err(|_| CooperationOrganisationsError::Unknown)?;
            if chosen.contains(&organisation) {
                return Err(CooperationOrganisationsError::Duplicate);
            }
            chosen.push(organisation);
        }
        if chosen.len() > MAX_COOPERATION_ORGANISATIONS {
            return Err(CooperationOrganisationsError::TooMany {
                max: MAX_COOPERATION_ORGANISATIONS,
            });
        }
        Ok(CooperationOrganisations(chosen))
    }

    /// The organisations in the user's order.
    pub fn as_slice(&self) -> &[CooperationOrganisation] {
        &self.0
    }
}

impl<'de> Deserialize<'de> for CooperationOrganisations {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let codes = Vec::<String>::deserialize(deserializer)?;
        CooperationOrganisations::parse(&codes).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(codes: &[&str], expected: Result<Vec<&str>, CooperationOrganisationsError>) {
        let actual = CooperationOrganisations::parse(codes).map(|organisations| {
            organisations
                .as_slice()
                .iter()
                .map(CooperationOrganisation::code)
                .collect::<Vec<_>>()
        });
        let expected = expected.map(|codes| codes.into_iter().map(String::from).collect());
        assert_eq!(actual, expected, "codes {codes:?}");
    }

    #[test]
    fn the_picker_holds_the_catalogue_the_counties_and_every_municipality() {
        let all: Vec<_> = CooperationOrganisation::all().collect();
        // The five counties that are catalogue organisations (PSHVA, PIRHA, LSHP, SOITE,
        // PÄIJÄTHA) are listed once, as the organisation.
        assert_eq!(all.len(), 8 + (22 - 5) + 308);
        let mut codes: Vec<_> = all.iter().map(CooperationOrganisation::code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "codes are unique");
        for entry in &all {
            assert_eq!(entry.code().parse::<CooperationOrganisation>(), Ok(*entry));
        }
    }

    #[test]
    fn lists_keep_the_users_order() {
        check(
            &["municipality:091", "organisation:HUS", "county:90"],
            Ok(vec!["municipality:091", "organisation:HUS", "county:90"]),
        );
        check(&[" organisation:pirha "], Ok(vec!["organisation:PIRHA"]));
    }

    #[test]
    fn refuses_what_is_not_a_set_of_known_organisations() {
        use CooperationOrganisationsError::*;
        check(&[], Err(Required));
        check(&["organisation:HUS", "organisation:hus"], Err(Duplicate));
        check(&["organisation:KYS"], Err(Unknown));
        check(&["municipality:588"], Err(Unknown));
        check(&["county:91"], Err(Unknown));
        // Pirkanmaa's county is the catalogue's PIRHA, so only organisation:PIRHA names it.
        check(&["county:08"], Err(Unknown));
        check(&["county:01"], Ok(vec!["county:01"]));
        check(&["HUS"], Err(Unknown));
        check(&["hospital:HUS"], Err(Unknown));
        check(&[""], Err(Unknown));
        let many: Vec<String> = municipalities()
            .iter()
            .take(MAX_COOPERATION_ORGANISATIONS + 1)
            .map(|municipality| format!("municipality:{}", municipality.code))
            .collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        check(&many, Err(TooMany { max: 20 }));
        check(
            &many[..MAX_COOPERATION_ORGANISATIONS],
            Ok(many[..20].to_vec()),
        );
    }

    #[test]
    fn malformed_and_unknown_codes_are_told_apart() {
        assert_eq!(
            "HUS".parse::<CooperationOrganisation>(),
            Err(CooperationCodeError::Malformed)
        );
        assert_eq!(
            "organisation:XYZ".parse::<CooperationOrganisation>(),
            Err(CooperationCodeError::Unknown)
        );
    }
}
