//! `PhoneNumber`: Finnish numbers in any common writing and international numbers, stored in
//! E.164 (`+358401234567`).
//!
//! Finnish numbers follow the national numbering plan for mobiles and landlines (the national
//! significant number after the leading 0 or after +358):
//! - mobile: `4[0-8]` or `50`, then 4–8 digits (040 123 4567, 0400 123 456, 0457 123 4567),
//!   plus the `4946` range;
//! - landline: area code `1[3-9]` (013–019, 018 being Åland) or `[235689]` (02–09), then a
//!   subscriber number of 4–8 digits that does not start with 0 or 9.
//!
//! Service numbers (0100, 020x, 0600, 0700, 075x …) are not personal numbers and are refused.
//! Other countries' numbers are accepted in international form (+CC… or 00CC…) when they are
//! well formed for E.164: 8 to 15 digits with a country code that does not start with 0.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A phone number in E.164 form. It can only hold a number that passed the rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneNumber(String);

/// Why a text is not a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneNumberError {
    /// Nothing was given.
    #[error("required")]
    Required,
    /// A character that no writing of a phone number has (a letter, a `+` in the middle…).
    #[error("invalid characters")]
    InvalidCharacters,
    /// Too few digits for any number.
    #[error("too short")]
    TooShort,
    /// Too many digits for any number.
    #[error("too long")]
    TooLong,
    /// Digits that are no Finnish mobile or landline number, or no international number.
    #[error("not a valid number")]
    Invalid,
}

impl PhoneNumberError {
    /// Every error, for the app's tests that each has its own message.
    pub const ALL: [PhoneNumberError; 5] = [
        PhoneNumberError::Required,
        PhoneNumberError::InvalidCharacters,
        PhoneNumberError::TooShort,
        PhoneNumberError::TooLong,
        PhoneNumberError::Invalid,
    ];

    /// The stable code the API sends and the app translates.
    pub fn code(self) -> &'static str {
        match self {
            PhoneNumberError::Required => "required",
            PhoneNumberError::InvalidCharacters => "invalid_characters",
            PhoneNumberError::TooShort => "too_short",
            PhoneNumberError::TooLong => "too_long",
            PhoneNumberError::Invalid => "invalid",
        }
    }
}

const FINLAND: &str = "358";
/// E.164 allows at most 15 digits after the `+`.
const MAX_E164_DIGITS: usize = 15;
/// The fewest digits this service takes as an international number.
const MIN_INTERNATIONAL_DIGITS: usize = 8;

impl PhoneNumber {
    /// The number in E.164 form, e.g. `+358401234567`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it is a Finnish number.
    pub fn is_finnish(&self) -> bool {
        self.0[1..].starts_with(FINLAND)
    }
}

impl FromStr for PhoneNumber {
    type Err = PhoneNumberError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim_matches(|character: char| character.is_whitespace());
        if text.is_empty() {
            return Err(PhoneNumberError::Required);
        }
        let mut digits = String::with_capacity(text.len());
        let mut plus = false;
        for (index, character) in text.char_indices() {
            match character {
                '0'..='9' => digits.push(character),
                '+' if index == 0 => plus = true,
                ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' | '\u{2010}'..='\u{2015}' => {}
                _ => return Err(PhoneNumberError::InvalidCharacters),
            }
        }
        if digits.is_empty() {
            return Err(PhoneNumberError::InvalidCharacters);
        }
        let international = if plus {
            Some(digits.as_str())
        } else {
            digits.strip_prefix("00")
        };
        match international {
            Some(number) => match number.strip_prefix(FINLAND) {
                // People often keep the trunk 0 after the country code: +358 (0)40 … .
                Some(national) => finnish(national.strip_prefix('0').unwrap_or(national)),
                None => foreign(number),
            },
            None => match digits.strip_prefix('0') {
                Some(national) => finnish(national),
                None => Err(PhoneNumberError::Invalid),
            },
        }
    }
}

/// A Finnish national significant number (without the trunk 0).
fn finnish(national: &str) -> Result<PhoneNumber, PhoneNumberError> {
    if national.len() < 5 {
        return Err(PhoneNumberError::TooShort);
    }
    if national.len() > 10 {
        return Err(PhoneNumberError::TooLong);
    }
    let bytes = national.as_bytes();
    let subscriber_digits = |from: usize, min: usize, max: usize| {
        let rest = &bytes[from..];
        (min..=max).contains(&rest.len())
    };
    let mobile = match bytes {
        [b'4', b'9', b'4', b'6', ..] => subscriber_digits(4, 2, 6),
        [b'4', b'0'..=b'8', ..] | [b'5', b'0', ..] => subscriber_digits(2, 4, 8),
        _ => false,
    };
    let landline = match bytes {
        [b'1', b'3'..=b'9', first, ..] if (b'1'..=b'8').contains(first) => {
            subscriber_digits(2, 4, 8)
        }
        [b'2' | b'3' | b'5' | b'6' | b'8' | b'9', first, ..] if (b'1'..=b'8').contains(first) => {
            subscriber_digits(1, 4, 8)
        }
        _ => false,
    };
    if mobile || landline {
        Ok(PhoneNumber(format!("+{FINLAND}{national}")))
    } else {
        Err(PhoneNumberError::Invalid)
    }
}

/// A number of another country, after the international prefix.
fn foreign(number: &str) -> Result<PhoneNumber, PhoneNumberError> {
    if number.len() < MIN_INTERNATIONAL_DIGITS {
        Err(PhoneNumberError::TooShort)
    } else if number.len() > MAX_E164_DIGITS {
        Err(PhoneNumberError::TooLong)
    } else if number.starts_with('0') {
        Err(PhoneNumberError::Invalid)
    } else {
        Ok(PhoneNumber(format!("+{number}")))
    }
}

crate::text_form!(PhoneNumber);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::vectors;

    #[test]
    fn every_vector_gets_its_verdict() {
        vectors::check_phone();
    }

    #[test]
    fn error_codes_match_their_wire_form() {
        for error in [
            PhoneNumberError::Required,
            PhoneNumberError::InvalidCharacters,
            PhoneNumberError::TooShort,
            PhoneNumberError::TooLong,
            PhoneNumberError::Invalid,
        ] {
            assert_eq!(
                serde_json::to_string(&error).unwrap(),
                format!("\"{}\"", error.code())
            );
        }
    }

    proptest! {
        // Normalising twice changes nothing: the stored form parses to itself.
        #[test]
        fn normalising_is_idempotent(text in "[0-9 +()-]{0,20}") {
            if let Ok(number) = text.parse::<PhoneNumber>() {
                let again: PhoneNumber = number.as_str().parse().unwrap();
                prop_assert_eq!(again, number);
            }
        }

        #[test]
        fn finnish_mobiles_in_any_writing_agree(subscriber in 1_000_000u32..9_999_999, prefix in prop::sample::select(vec!["40", "41", "44", "45", "46", "50"])) {
            let national = format!("0{prefix} {subscriber}");
            let international = format!("+358 {prefix}-{subscriber}");
            let zeros = format!("00358{prefix}{subscriber}");
            let expected = format!("+358{prefix}{subscriber}");
            for text in [national, international, zeros] {
                prop_assert_eq!(text.parse::<PhoneNumber>().map(|number| number.0), Ok(expected.clone()));
            }
        }

        #[test]
        fn a_valid_number_survives_json(text in "\\+?[0-9]{6,16}") {
            if let Ok(number) = text.parse::<PhoneNumber>() {
                let json = serde_json::to_string(&number).unwrap();
                prop_assert_eq!(serde_json::from_str::<PhoneNumber>(&json).unwrap(), number);
            }
        }

        #[test]
        fn never_panics(text in "\\PC{0,40}") {
            let _ = text.parse::<PhoneNumber>();
        }
    }
}
