//! Municipalities and regions (wellbeing services counties, the City of Helsinki and Åland),
//! compiled in from `data/*.csv` by `build.rs`.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::localised::Localised;

/// What kind of region a region code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// One of the 21 wellbeing services counties (codes 01–21).
    WellbeingCounty,
    /// The City of Helsinki (90), which organises the services itself.
    CityOfHelsinki,
    /// Åland (91): its municipalities are valid home municipalities, but it is no wellbeing
    /// county and cannot be chosen as one.
    Aland,
}

/// A region of the reference data.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Region {
    /// The two-digit code (`01`–`21`, `90`, `91`).
    pub code: &'static str,
    /// The name in three languages.
    pub name: Localised,
    /// What kind of region it is.
    pub kind: RegionKind,
}

/// A municipality of 2025.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Municipality {
    /// The official three-digit code.
    pub code: &'static str,
    /// The name in three languages.
    pub name: Localised,
    /// The code of the region it belongs to.
    pub region_code: &'static str,
}

impl Municipality {
    /// The region the municipality belongs to.
    pub fn region(&self) -> &'static Region {
        REGIONS
            .iter()
            .find(|region| region.code == self.region_code)
            .expect("build.rs checks every municipality's region")
    }
}

include!(concat!(env!("OUT_DIR"), "/reference_data.rs"));

/// Every municipality, in code order.
pub fn municipalities() -> &'static [Municipality] {
    &MUNICIPALITIES
}

/// Every region, in code order (Åland included).
pub fn regions() -> &'static [Region] {
    &REGIONS
}

/// Why a text is not a municipality or county code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionCodeError {
    /// Nothing but white space was given.
    #[error("empty")]
    Empty,
    /// Not of the code's form (three digits for a municipality, two for a county).
    #[error("malformed")]
    Malformed,
    /// Of the right form, but no such municipality or county.
    #[error("unknown")]
    Unknown,
}

impl RegionCodeError {
    /// Every error, for the app's tests that each has its own message.
    pub const ALL: [RegionCodeError; 3] = [
        RegionCodeError::Empty,
        RegionCodeError::Malformed,
        RegionCodeError::Unknown,
    ];

    /// The stable code the API sends and the app translates.
    pub fn code(self) -> &'static str {
        match self {
            RegionCodeError::Empty => "empty",
            RegionCodeError::Malformed => "malformed",
            RegionCodeError::Unknown => "unknown",
        }
    }
}

fn digits(text: &str, length: usize) -> Result<&str, RegionCodeError> {
    let text = text.trim();
    if text.is_empty() {
        Err(RegionCodeError::Empty)
    } else if text.len() != length || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        Err(RegionCodeError::Malformed)
    } else {
        Ok(text)
    }
}

/// The code of a municipality of 2025. It can only hold a code that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MunicipalityCode(&'static Municipality);

impl MunicipalityCode {
    /// The three-digit code.
    pub fn as_str(&self) -> &'static str {
        self.0.code
    }

    /// The municipality this code names.
    pub fn municipality(&self) -> &'static Municipality {
        self.0
    }
}

impl FromStr for MunicipalityCode {
    type Err = RegionCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let code = digits(text, 3)?;
        MUNICIPALITIES
            .binary_search_by(|municipality| municipality.code.cmp(code))
            .map(|index| MunicipalityCode(&MUNICIPALITIES[index]))
            .map_err(|_| RegionCodeError::Unknown)
    }
}

/// The code of a wellbeing services county or the City of Helsinki: what the profile's
/// "Hyvinvointialue" may hold. Åland is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WellbeingCountyCode(&'static Region);

impl WellbeingCountyCode {
    /// The two-digit code.
    pub fn as_str(&self) -> &'static str {
        self.0.code
    }

    /// The county this code names.
    pub fn region(&self) -> &'static Region {
        self.0
    }

    /// Every selectable county, in code order: the 21 counties and the City of Helsinki.
    pub fn all() -> impl Iterator<Item = WellbeingCountyCode> {
        REGIONS
            .iter()
            .filter(|region| region.kind != RegionKind::Aland)
            .map(WellbeingCountyCode)
    }
}

impl FromStr for WellbeingCountyCode {
    type Err = RegionCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let code = digits(text, 2)?;
        REGIONS
            .iter()
            .find(|region| region.code == code && region.kind != RegionKind::Aland)
            .map(WellbeingCountyCode)
            .ok_or(RegionCodeError::Unknown)
    }
}

crate::text_form!(MunicipalityCode);
crate::text_form!(WellbeingCountyCode);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::localised::Language;

    fn municipality(text: &str) -> Result<&'static str, RegionCodeError> {
        text.parse::<MunicipalityCode>()
            .map(|code| code.municipality().name.fi)
    }

    fn county(text: &str) -> Result<&'static str, RegionCodeError> {
        text.parse::<WellbeingCountyCode>()
            .map(|code| code.region().name.fi)
    }

    #[test]
    fn has_the_308_municipalities_of_2025_sorted_by_code() {
        assert_eq!(municipalities().len(), 308);
        assert!(
            municipalities()
                .windows(2)
                .all(|pair| pair[0].code < pair[1].code)
        );
        let on_aland = municipalities()
            .iter()
            .filter(|municipality| municipality.region().kind == RegionKind::Aland)
            .count();
        assert_eq!(on_aland, 16);
    }

    #[test]
    fn parses_municipality_codes() {
        assert_eq!(municipality("091"), Ok("Helsinki"));
        assert_eq!(municipality(" 853 "), Ok("Turku"));
        assert_eq!(municipality("478"), Ok("Maarianhamina - Mariehamn"));
        assert_eq!(municipality("599"), Ok("Pedersören kunta"));
        assert_eq!(municipality("284"), Ok("Koski Tl"));
        assert_eq!(municipality("507"), Ok("Mäntyharju"));
        // Pertunmaa merged into Mäntyharju on 2025-01-01.
        assert_eq!(municipality("588"), Err(RegionCodeError::Unknown));
        assert_eq!(municipality("000"), Err(RegionCodeError::Unknown));
        assert_eq!(municipality("91"), Err(RegionCodeError::Malformed));
        assert_eq!(municipality("09a"), Err(RegionCodeError::Malformed));
        assert_eq!(municipality("٠٩١"), Err(RegionCodeError::Malformed));
        assert_eq!(municipality(""), Err(RegionCodeError::Empty));
    }

    #[test]
    fn parses_county_codes_but_not_aland() {
        assert_eq!(county("01"), Ok("Itä-Uudenmaan hyvinvointialue"));
        assert_eq!(county("21"), Ok("Lapin hyvinvointialue"));
        assert_eq!(county("90"), Ok("Helsingin kaupunki"));
        assert_eq!(county("91"), Err(RegionCodeError::Unknown));
        assert_eq!(county("22"), Err(RegionCodeError::Unknown));
        assert_eq!(county("1"), Err(RegionCodeError::Malformed));
        assert_eq!(county("  "), Err(RegionCodeError::Empty));
        assert_eq!(WellbeingCountyCode::all().count(), 22);
    }

    #[test]
    fn every_name_exists_in_every_language() {
        for municipality in municipalities() {
            for language in Language::ALL {
                assert!(
                    !municipality.name.get(language).is_empty(),
                    "{}",
                    municipality.code
                );
            }
        }
        for region in regions() {
            for language in Language::ALL {
                assert!(!region.name.get(language).is_empty(), "{}", region.code);
            }
        }
    }

    #[test]
    fn codes_serialise_as_text_and_refuse_unknown_codes() {
        let helsinki: MunicipalityCode = "091".parse().unwrap();
        assert_eq!(serde_json::to_string(&helsinki).unwrap(), "\"091\"");
        assert!(serde_json::from_str::<MunicipalityCode>("\"588\"").is_err());
        assert!(serde_json::from_str::<WellbeingCountyCode>("\"91\"").is_err());
    }
}
