//! `BusinessId`: the Finnish business ID (Y-tunnus, FO-nummer), `1234567-8`.
//!
//! Seven digits, a hyphen and a check digit. The check digit is modulus 11 over the seven
//! digits weighted 7, 9, 10, 5, 8, 4, 2 from the left: remainder 0 gives 0, remainder 1 is never
//! issued (no valid ID has such digits), and otherwise the check digit is 11 − remainder.
//! IDs issued as six digits (old LY-tunnus) are written today with a leading zero; a six-digit
//! form `123456-7` is taken as `0123456-7`, and the check digit is the same either way because
//! a leading zero adds nothing to the sum.
//!
//! Only these two forms are taken, after trimming: no spaces inside, no `FI` VAT prefix, no
//! missing hyphen. A typographic dash (U+2010–U+2015, U+2212), which word processors put
//! in place of the hyphen, is taken as the hyphen.

use std::str::FromStr;

/// A business ID whose check digit is right, stored as `1234567-8`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BusinessId(String);

coded_enum! {
    error
    /// Why a text is not a business ID.
    BusinessIdError {
        /// Nothing was given.
        Required = "required",
        /// Not seven (or six) digits, a hyphen and one digit.
        Format = "format",
        /// Of the right form, but the check digit does not match the digits.
        CheckDigit = "check_digit",
    }
}

const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

/// The check digit of seven digits, or `None` for digits that no business ID has.
fn check_digit(digits: &[u8; 7]) -> Option<u8> {
    let sum: u32 = digits
        .iter()
        .zip(WEIGHTS)
        .map(|(digit, weight)| u32::from(*digit) * weight)
        .sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        remainder => Some((11 - remainder) as u8),
    }
}

fn is_hyphen(character: char) -> bool {
    matches!(character, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

impl BusinessId {
    /// The ID as stored and shown, `1234567-8`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for BusinessId {
    type Err = BusinessIdError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(BusinessIdError::Required);
        }
        let (base, check) = text.split_once(is_hyphen).ok_or(BusinessIdError::Format)?;
        let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
        if !(6..=7).contains(&base.len())
            || check.len() != 1
            || !all_digits(base)
            || !all_digits(check)
        {
            return Err(BusinessIdError::Format);
        }
        let mut digits = [0u8; 7];
        let offset = 7 - base.len();
        for (slot, byte) in digits[offset..].iter_mut().zip(base.bytes()) {
            *slot = byte - b'0';
        }
        let given = check.as_bytes()[0] - b'0';
        if check_digit(&digits) != Some(given) {
            return Err(BusinessIdError::CheckDigit);
        }
        let mut canonical = String::with_capacity(9);
        canonical.extend(digits.iter().map(|digit| char::from(b'0' + digit)));
        canonical.push('-');
        canonical.push(char::from(b'0' + given));
        Ok(BusinessId(canonical))
    }
}

crate::text_form!(BusinessId);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::vectors;

    #[test]
    fn every_vector_gets_its_verdict() {
        vectors::check_business_id();
    }

    #[test]
    fn error_codes_match_their_wire_form() {
        for error in BusinessIdError::ALL {
            assert_eq!(
                serde_json::to_string(&error).unwrap(),
                format!("\"{}\"", error.code())
            );
        }
        assert_eq!(
            BusinessIdError::ALL.map(BusinessIdError::code),
            ["required", "format", "check_digit"]
        );
    }

    #[test]
    fn serialises_as_text_and_refuses_a_wrong_check_digit_from_the_wire() {
        let helsinki: BusinessId = "0201256-6".parse().unwrap();
        assert_eq!(serde_json::to_string(&helsinki).unwrap(), "\"0201256-6\"");
        assert_eq!(
            serde_json::from_str::<BusinessId>("\"0201256-6\"").unwrap(),
            helsinki
        );
        assert!(serde_json::from_str::<BusinessId>("\"0201256-5\"").is_err());
        assert!(serde_json::from_str::<BusinessId>("12345678").is_err());
    }

    fn digits_of(base: u32) -> [u8; 7] {
        let text = format!("{base:07}");
        let mut digits = [0u8; 7];
        for (slot, byte) in digits.iter_mut().zip(text.bytes()) {
            *slot = byte - b'0';
        }
        digits
    }

    proptest! {
        // Exactly one of the ten check digits is accepted for digits that can be an ID, and
        // none for the others (remainder 1).
        #[test]
        fn one_check_digit_per_base(base in 0u32..10_000_000) {
            let accepted: Vec<u8> = (0..=9)
                .filter(|check| format!("{base:07}-{check}").parse::<BusinessId>().is_ok())
                .collect();
            match check_digit(&digits_of(base)) {
                Some(check) => prop_assert_eq!(accepted, vec![check]),
                None => prop_assert!(accepted.is_empty()),
            }
        }

        // The stored form parses to itself.
        #[test]
        fn normalising_is_idempotent(text in "[0-9]{6,7}[-\u{2013}][0-9]") {
            if let Ok(id) = text.parse::<BusinessId>() {
                prop_assert_eq!(id.as_str().parse::<BusinessId>(), Ok(id.clone()));
                prop_assert_eq!(id.as_str().len(), 9);
            }
        }

        #[test]
        fn never_panics(text in "\\PC{0,20}") {
            let _ = text.parse::<BusinessId>();
        }
    }
}
