//! Professional groups (SPEC §4): the profile's "Ammattiryhmä", which decides what content the
//! user is shown.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::localised::Localised;

/// A professional group, with a stable code for storage and the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProfessionalGroup {
    /// Lääkäri.
    Physician,
    /// Psykologi.
    Psychologist,
    /// Psykoterapeutti.
    Psychotherapist,
    /// Sairaanhoitaja.
    RegisteredNurse,
    /// Terveydenhoitaja.
    PublicHealthNurse,
    /// Lähihoitaja.
    PracticalNurse,
    /// Sosiaalityöntekijä.
    SocialWorker,
    /// Sosionomi.
    Socionom,
    /// Toimintaterapeutti.
    OccupationalTherapist,
    /// Fysioterapeutti.
    Physiotherapist,
    /// Opiskelija (sosiaali- tai terveysala).
    Student,
    /// Muu ammattilainen.
    OtherProfessional,
}

impl ProfessionalGroup {
    /// Every group, in the order the profile form lists them.
    pub const ALL: [ProfessionalGroup; 12] = [
        ProfessionalGroup::Physician,
        ProfessionalGroup::Psychologist,
        ProfessionalGroup::Psychotherapist,
        ProfessionalGroup::RegisteredNurse,
        ProfessionalGroup::PublicHealthNurse,
        ProfessionalGroup::PracticalNurse,
        ProfessionalGroup::SocialWorker,
        ProfessionalGroup::Socionom,
        ProfessionalGroup::OccupationalTherapist,
        ProfessionalGroup::Physiotherapist,
        ProfessionalGroup::Student,
        ProfessionalGroup::OtherProfessional,
    ];

    /// The stable code (as stored and sent).
    pub fn code(self) -> &'static str {
        match self {
            ProfessionalGroup::Physician => "physician",
            ProfessionalGroup::Psychologist => "psychologist",
            ProfessionalGroup::Psychotherapist => "psychotherapist",
            ProfessionalGroup::RegisteredNurse => "registered_nurse",
            ProfessionalGroup::PublicHealthNurse => "public_health_nurse",
            ProfessionalGroup::PracticalNurse => "practical_nurse",
            ProfessionalGroup::SocialWorker => "social_worker",
            ProfessionalGroup::Socionom => "socionom",
            ProfessionalGroup::OccupationalTherapist => "occupational_therapist",
            ProfessionalGroup::Physiotherapist => "physiotherapist",
            ProfessionalGroup::Student => "student",
            ProfessionalGroup::OtherProfessional => "other_professional",
        }
    }

    /// The group's name in three languages.
    pub fn name(self) -> Localised {
        let (fi, sv, en) = match self {
            ProfessionalGroup::Physician => ("Lääkäri", "Läkare", "Physician"),
            ProfessionalGroup::Psychologist => ("Psykologi", "Psykolog", "Psychologist"),
            ProfessionalGroup::Psychotherapist => {
                ("Psykoterapeutti", "Psykoterapeut", "Psychotherapist")
            }
            ProfessionalGroup::RegisteredNurse => {
                ("Sairaanhoitaja", "Sjukskötare", "Registered nurse")
            }
            ProfessionalGroup::PublicHealthNurse => {
                ("Terveydenhoitaja", "Hälsovårdare", "Public health nurse")
            }
            ProfessionalGroup::PracticalNurse => ("Lähihoitaja", "Närvårdare", "Practical nurse"),
            ProfessionalGroup::SocialWorker => {
                ("Sosiaalityöntekijä", "Socialarbetare", "Social worker")
            }
            ProfessionalGroup::Socionom => ("Sosionomi", "Socionom", "Bachelor of social services"),
            ProfessionalGroup::OccupationalTherapist => (
                "Toimintaterapeutti",
                "Ergoterapeut",
                "Occupational therapist",
            ),
            ProfessionalGroup::Physiotherapist => {
                ("Fysioterapeutti", "Fysioterapeut", "Physiotherapist")
            }
            ProfessionalGroup::Student => (
                "Opiskelija (sosiaali- tai terveysala)",
                "Studerande (social- eller hälsovårdsbranschen)",
                "Student (social or health care)",
            ),
            ProfessionalGroup::OtherProfessional => (
                "Muu ammattilainen",
                "Annan yrkesverksam",
                "Other professional",
            ),
        };
        Localised { fi, sv, en }
    }
}

/// Why a text is not a professional group's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfessionalGroupError {
    /// Nothing was chosen.
    #[error("required")]
    Required,
    /// No group has this code.
    #[error("unknown")]
    Unknown,
}

impl ProfessionalGroupError {
    /// Every error, for the app's tests that each has its own message.
    pub const ALL: [ProfessionalGroupError; 2] = [
        ProfessionalGroupError::Required,
        ProfessionalGroupError::Unknown,
    ];

    /// The stable code the API sends and the app translates.
    pub fn code(self) -> &'static str {
        match self {
            ProfessionalGroupError::Required => "required",
            ProfessionalGroupError::Unknown => "unknown",
        }
    }
}

impl FromStr for ProfessionalGroup {
    type Err = ProfessionalGroupError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ProfessionalGroupError::Required);
        }
        ProfessionalGroup::ALL
            .into_iter()
            .find(|group| group.code() == text)
            .ok_or(ProfessionalGroupError::Unknown)
    }
}

impl fmt::Display for ProfessionalGroup {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::localised::Language;

    #[test]
    fn codes_round_trip_and_match_the_wire_form() {
        for group in ProfessionalGroup::ALL {
            assert_eq!(group.code().parse(), Ok(group));
            assert_eq!(
                serde_json::to_string(&group).unwrap(),
                format!("\"{}\"", group.code())
            );
            for language in Language::ALL {
                assert!(!group.name().get(language).is_empty());
            }
        }
    }

    #[test]
    fn refuses_what_is_not_a_group() {
        assert_eq!(
            "".parse::<ProfessionalGroup>(),
            Err(ProfessionalGroupError::Required)
        );
        assert_eq!(
            "surgeon".parse::<ProfessionalGroup>(),
            Err(ProfessionalGroupError::Unknown)
        );
        assert_eq!(
            "Physician".parse::<ProfessionalGroup>(),
            Err(ProfessionalGroupError::Unknown)
        );
    }

    #[test]
    fn the_spec_names_in_finnish() {
        let names: Vec<_> = ProfessionalGroup::ALL
            .iter()
            .map(|group| group.name().fi)
            .collect();
        assert_eq!(
            names,
            [
                "Lääkäri",
                "Psykologi",
                "Psykoterapeutti",
                "Sairaanhoitaja",
                "Terveydenhoitaja",
                "Lähihoitaja",
                "Sosiaalityöntekijä",
                "Sosionomi",
                "Toimintaterapeutti",
                "Fysioterapeutti",
                "Opiskelija (sosiaali- tai terveysala)",
                "Muu ammattilainen"
            ]
        );
    }
}
