//! `ServiceNumber`: a registration point's electronic service number (sähköinen
//! asiointinumero), unique across the service and assigned by it when the officer approves the
//! point's order.
//!
//! Our decision: eight digits, a seven-digit serial (1 000 000–9 999 999, so the number never
//! starts with 0 and is always eight digits long) followed by a Luhn (mod 10) check digit. An
//! organisation's administrator types the number to authorise a point; with the check digit a
//! mistyped digit, or most swaps of two neighbouring digits, is a format error at once, in the
//! browser, rather than an unknown number after a round trip (or, worse, another point's
//! number). Luhn detects every change of one digit.
//!
//! Shown grouped 4 + 4 (`1234 5678`, by `Display`), stored and sent as the eight plain digits
//! (`as_str()`, serde). Spaces and hyphens between the digits are taken, since people copy the
//! number from the printed contract page.

use std::fmt;
use std::str::FromStr;

/// The first serial the service assigns.
pub const FIRST_SERVICE_NUMBER_SERIAL: u32 = 1_000_000;
/// The last serial the service can assign.
pub const LAST_SERVICE_NUMBER_SERIAL: u32 = 9_999_999;

/// A well-formed service number, stored as eight digits. Whether a point has it is the
/// server's question.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ServiceNumber(String);

coded_enum! {
    error
    /// Why a text is not a service number.
    ServiceNumberError {
        /// Nothing was given.
        Required = "required",
        /// Not eight digits (spaces and hyphens aside), or one starting with 0.
        Format = "format",
        /// Eight digits whose last does not match the others: a typing error.
        CheckDigit = "check_digit",
        /// Well formed, but no registration point has this number. The parse never gives it;
        /// the server does, after looking the number up.
        NotFound = "not_found",
    }
}

/// The Luhn check digit of `payload`: from the right, every other digit doubled (the
/// rightmost first, as the check digit will follow it), digits of products summed.
fn luhn_check_digit(payload: &[u8]) -> u8 {
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(index, digit)| {
            let digit = u32::from(*digit);
            if index % 2 == 0 {
                let doubled = digit * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                digit
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn is_separator(character: char) -> bool {
    character.is_whitespace() || matches!(character, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

impl ServiceNumber {
    /// The number for `serial`, its check digit appended; `None` outside
    /// [`FIRST_SERVICE_NUMBER_SERIAL`]..=[`LAST_SERVICE_NUMBER_SERIAL`].
    pub fn from_serial(serial: u32) -> Option<ServiceNumber> {
        if !(FIRST_SERVICE_NUMBER_SERIAL..=LAST_SERVICE_NUMBER_SERIAL).contains(&serial) {
            return None;
        }
        let mut text = serial.to_string();
        let payload: Vec<u8> = text.bytes().map(|byte| byte - b'0').collect();
        text.push(char::from(b'0' + luhn_check_digit(&payload)));
        Some(ServiceNumber(text))
    }

    /// The seven-digit serial (the number without its check digit).
    pub fn serial(&self) -> u32 {
        self.0[..7]
            .parse()
            .expect("a service number holds eight ASCII digits")
    }

    /// The eight digits, as stored and sent: `12345678`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for ServiceNumber {
    type Err = ServiceNumberError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ServiceNumberError::Required);
        }
        let mut digits = Vec::with_capacity(8);
        for character in text.chars() {
            match character {
                '0'..='9' => digits.push(character as u8 - b'0'),
                _ if is_separator(character) => {}
                _ => return Err(ServiceNumberError::Format),
            }
        }
        if digits.len() != 8 {
            return Err(ServiceNumberError::Format);
        }
        if luhn_check_digit(&digits[..7]) != digits[7] {
            return Err(ServiceNumberError::CheckDigit);
        }
        if digits[0] == 0 {
            return Err(ServiceNumberError::Format);
        }
        Ok(ServiceNumber(
            digits
                .iter()
                .map(|digit| char::from(b'0' + digit))
                .collect(),
        ))
    }
}

/// Grouped for reading aloud and copying: `1234 5678`.
impl fmt::Display for ServiceNumber {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} {}", &self.0[..4], &self.0[4..])
    }
}

impl TryFrom<String> for ServiceNumber {
    type Error = ServiceNumberError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl serde::Serialize for ServiceNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ServiceNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::vectors;

    #[test]
    fn every_vector_gets_its_verdict() {
        vectors::check_service_number();
    }

    #[test]
    fn shown_grouped_stored_plain() {
        let number = ServiceNumber::from_serial(1_234_567).unwrap();
        assert_eq!(number.as_str(), "12345674");
        assert_eq!(number.to_string(), "1234 5674");
        assert_eq!(number.serial(), 1_234_567);
        assert_eq!(serde_json::to_string(&number).unwrap(), "\"12345674\"");
        assert_eq!(
            serde_json::from_str::<ServiceNumber>("\"1234 5674\"").unwrap(),
            number
        );
        assert!(serde_json::from_str::<ServiceNumber>("\"12345675\"").is_err());
    }

    #[test]
    fn serials_outside_the_range_have_no_number() {
        assert_eq!(ServiceNumber::from_serial(0), None);
        assert_eq!(ServiceNumber::from_serial(999_999), None);
        assert_eq!(ServiceNumber::from_serial(10_000_000), None);
        assert_eq!(ServiceNumber::from_serial(u32::MAX), None);
        assert!(ServiceNumber::from_serial(FIRST_SERVICE_NUMBER_SERIAL).is_some());
        assert!(ServiceNumber::from_serial(LAST_SERVICE_NUMBER_SERIAL).is_some());
    }

    #[test]
    fn error_codes_match_their_wire_form() {
        for error in ServiceNumberError::ALL {
            assert_eq!(
                serde_json::to_string(&error).unwrap(),
                format!("\"{}\"", error.code())
            );
        }
    }

    proptest! {
        // Every assigned number parses back to itself, in every writing the parse takes.
        #[test]
        fn from_serial_parses_back(serial in FIRST_SERVICE_NUMBER_SERIAL..=LAST_SERVICE_NUMBER_SERIAL) {
            let number = ServiceNumber::from_serial(serial).unwrap();
            prop_assert_eq!(number.serial(), serial);
            for text in [number.as_str().to_owned(), number.to_string(), format!(" {}-{} ", &number.as_str()[..4], &number.as_str()[4..])] {
                prop_assert_eq!(text.parse::<ServiceNumber>(), Ok(number.clone()));
            }
        }

        // Changing any one digit of an assigned number is always refused.
        #[test]
        fn one_changed_digit_is_always_detected(
            serial in FIRST_SERVICE_NUMBER_SERIAL..=LAST_SERVICE_NUMBER_SERIAL,
            position in 0usize..8,
            change in 1u8..10,
        ) {
            let number = ServiceNumber::from_serial(serial).unwrap();
            let mut bytes = number.as_str().as_bytes().to_vec();
            bytes[position] = b'0' + (bytes[position] - b'0' + change) % 10;
            let typo = String::from_utf8(bytes).unwrap();
            prop_assert_ne!(&typo, number.as_str());
            prop_assert!(typo.parse::<ServiceNumber>().is_err(), "{} accepted", typo);
        }

        #[test]
        fn never_panics(text in "\\PC{0,20}") {
            let _ = text.parse::<ServiceNumber>();
        }
    }
}
