//! Languages of the service and names given in all three of them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language of the service. Finnish first: Finnish public services are bilingual, and the
/// service adds English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Suomi, the default.
    #[default]
    Fi,
    /// Svenska.
    Sv,
    /// English.
    En,
}

impl Language {
    /// Every language, in the order the language switch shows them.
    pub const ALL: [Language; 3] = [Language::Fi, Language::Sv, Language::En];

    /// The BCP 47 tag, as used in the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Fi => "fi",
            Language::Sv => "sv",
            Language::En => "en",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.tag())
    }
}

/// The error of parsing a language tag that the service does not offer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language")]
pub struct UnsupportedLanguage;

impl FromStr for Language {
    type Err = UnsupportedLanguage;

    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        // Browsers send region variants such as `sv-FI` or `en-GB`: the primary subtag decides.
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "fi" => Ok(Language::Fi),
            "sv" => Ok(Language::Sv),
            "en" => Ok(Language::En),
            _ => Err(UnsupportedLanguage),
        }
    }
}

/// A name or text of the reference data in Finnish, Swedish and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Localised {
    /// Finnish.
    pub fi: &'static str,
    /// Swedish.
    pub sv: &'static str,
    /// English.
    pub en: &'static str,
}

impl Localised {
    /// The text in `language`.
    pub fn get(&self, language: Language) -> &'static str {
        match language {
            Language::Fi => self.fi,
            Language::Sv => self.sv,
            Language::En => self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(tag: &str, expected: Result<Language, UnsupportedLanguage>) {
        assert_eq!(tag.parse::<Language>(), expected, "tag {tag:?}");
    }

    #[test]
    fn parses_the_primary_subtag() {
        check("fi", Ok(Language::Fi));
        check("sv-FI", Ok(Language::Sv));
        check("EN_gb", Ok(Language::En));
        check(" en ", Ok(Language::En));
        check("de", Err(UnsupportedLanguage));
        check("", Err(UnsupportedLanguage));
    }

    #[test]
    fn tag_round_trips() {
        for language in Language::ALL {
            check(language.tag(), Ok(language));
        }
    }
}
