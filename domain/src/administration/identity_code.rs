//! `IdentityCode`: the Finnish personal identity code (henkilötunnus), `DDMMYYCZZZQ`, as the
//! registrars type it on a service-relationship certificate and a staff card's order.
//!
//! - `DDMMYY`: the date of birth, a day the calendar has (29 February only in leap years) in
//!   the century the sign gives.
//! - `C`: the century sign, with the signs of the reform in force from 1 January 2023: `+` for
//!   the 1800s; `-`, `Y`, `X`, `W`, `V`, `U` for the 1900s; `A`, `B`, `C`, `D`, `E`, `F` for the
//!   2000s. The new signs mark new codes: `010190-123M` and `010190Y123M` are two codes (two
//!   people), so the sign is kept as typed and never folded into another.
//! - `ZZZ`: the individual number. 002–899 are permanent codes; 000 and 001 are not issued
//!   (`individual_number`); 900–999 are temporary codes, refused (`temporary_number`): a card
//!   is ordered on a person's permanent code, and a temporary one would match no later
//!   certificate or order of the same person.
//! - `Q`: the check character, the nine digits `DDMMYYZZZ` as one number modulo 31, indexed
//!   into `0123456789ABCDEFHJKLMNPRSTUVWXY`.
//!
//! The text is trimmed and its letters upper-cased (`010190-123m` is `010190-123M`); a
//! typographic dash (U+2010–U+2015, U+2212) is taken as the hyphen sign. The checks run in the
//! order format, century sign, date, individual number, check character, and the first that
//! fails is the error.
//!
//! **The code is never shown in clear by this type**: `Debug` and `Display` give the masked
//! form ([`IdentityCode::masked`], `010190-***M`: the date, the century sign and the check
//! character kept, the individual number hidden), so a `{:?}` in a log cannot leak it. It has no
//! `Serialize`: the wire carries it only in a form's input, as the typed text. The clear text is
//! [`IdentityCode::in_clear`], for the server's encryption and blind index only.

use std::str::FromStr;

/// The check characters, indexed by the remainder modulo 31.
const CHECK_CHARACTERS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// A personal identity code that passed every rule, upper-cased, as 11 ASCII characters.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdentityCode(String);

coded_enum! {
    error
    /// Why a text is not a personal identity code.
    IdentityCodeError {
        /// Nothing was given.
        Required = "required",
        /// Not six digits, a sign, three digits and a check character.
        Format = "format",
        /// The seventh character is no century sign (`+`, `-`, `Y`–`U`, `A`–`F`).
        CenturySign = "century_sign",
        /// The date of birth is no day of the calendar (31 April, 29 February of a common
        /// year in the sign's century, month 13).
        Date = "date",
        /// The individual number 000 or 001, which no code has.
        IndividualNumber = "individual_number",
        /// A temporary code (individual number 900–999): cards are ordered on permanent codes.
        TemporaryNumber = "temporary_number",
        /// The check character does not match the date and the individual number.
        CheckCharacter = "check_character",
    }
}

/// The first year of the century `sign` stands for, if it is a century sign.
const fn century(sign: u8) -> Option<u16> {
    match sign {
        b'+' => Some(1800),
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => Some(1900),
        b'A' | b'B' | b'C' | b'D' | b'E' | b'F' => Some(2000),
        _ => None,
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'))
}

/// The check character of the nine digits `DDMMYYZZZ`.
fn check_character(date: &[u8], individual: &[u8]) -> u8 {
    let nine = number(date) * 1000 + number(individual);
    CHECK_CHARACTERS[(nine % 31) as usize]
}

fn is_dash(character: char) -> bool {
    matches!(character, '\u{2010}'..='\u{2015}' | '\u{2212}')
}

impl IdentityCode {
    /// The code in clear, `010190-123M`: for the server's encryption and blind index, never
    /// for a log, a URL, an answer or the audit log.
    pub fn in_clear(&self) -> &str {
        &self.0
    }

    /// The masked form, `010190-***M`: the date of birth, the century sign and the check
    /// character, the individual number hidden. It still says the date of birth, and with the
    /// check character about 29 codes of that date fit it: shown to the registrars of the
    /// point, not anonymous.
    pub fn masked(&self) -> MaskedIdentityCode {
        MaskedIdentityCode(format!("{}***{}", &self.0[..7], &self.0[10..]))
    }
}

impl std::fmt::Debug for IdentityCode {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_tuple("IdentityCode")
            .field(&self.masked().as_str())
            .finish()
    }
}

impl std::fmt::Display for IdentityCode {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.masked().as_str())
    }
}

impl FromStr for IdentityCode {
    type Err = IdentityCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(IdentityCodeError::Required);
        }
        let normal: String = text
            .chars()
            .map(|character| {
                if is_dash(character) {
                    '-'
                } else {
                    character.to_ascii_uppercase()
                }
            })
            .collect();
        let bytes = normal.as_bytes();
        let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
        if bytes.len() != 11
            || !normal.is_ascii()
            || !digits(0..6)
            || !digits(7..10)
            || !bytes[10].is_ascii_alphanumeric()
        {
            return Err(IdentityCodeError::Format);
        }
        let century = century(bytes[6]).ok_or(IdentityCodeError::CenturySign)?;
        let day = number(&bytes[0..2]) as u8;
        let month = number(&bytes[2..4]) as u8;
        let year = century + number(&bytes[4..6]) as u16;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(IdentityCodeError::Date);
        }
        match number(&bytes[7..10]) {
            0 | 1 => return Err(IdentityCodeError::IndividualNumber),
            900.. => return Err(IdentityCodeError::TemporaryNumber),
            _ => {}
        }
        if check_character(&bytes[0..6], &bytes[7..10]) != bytes[10] {
            return Err(IdentityCodeError::CheckCharacter);
        }
        Ok(IdentityCode(normal))
    }
}

/// An identity code's masked form, `010190-***M` ([`IdentityCode::masked`]), as answers carry
/// it: six digits, a century sign, `***` and a check character.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MaskedIdentityCode(String);

coded_enum! {
    error
    /// Why a text is not a masked identity code.
    MaskedIdentityCodeError {
        /// Not `DDMMYY`, a century sign, `***` and a check character.
        Format = "format",
    }
}

impl MaskedIdentityCode {
    /// The masked form, `010190-***M`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for MaskedIdentityCode {
    type Err = MaskedIdentityCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bytes = text.as_bytes();
        let shape = bytes.len() == 11
            && bytes[..6].iter().all(u8::is_ascii_digit)
            && century(bytes[6]).is_some()
            && &bytes[7..10] == b"***"
            && CHECK_CHARACTERS.contains(&bytes[10]);
        if shape {
            Ok(MaskedIdentityCode(text.to_owned()))
        } else {
            Err(MaskedIdentityCodeError::Format)
        }
    }
}

crate::text_form!(MaskedIdentityCode);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::vectors;

    #[test]
    fn every_vector_gets_its_verdict() {
        vectors::check_identity_code();
    }

    #[test]
    fn error_codes_are_the_agreed_ones() {
        assert_eq!(
            IdentityCodeError::ALL.map(IdentityCodeError::code),
            [
                "required",
                "format",
                "century_sign",
                "date",
                "individual_number",
                "temporary_number",
                "check_character"
            ]
        );
    }

    // Guards the promise that a `{:?}` or a `{}` of a code in a log never holds it in clear.
    #[test]
    fn debug_and_display_never_show_the_individual_number() {
        let code: IdentityCode = "131052-308T".parse().unwrap();
        for shown in [format!("{code:?}"), format!("{code}"), format!("{code:#?}")] {
            assert!(!shown.contains("308"), "{shown}");
            assert!(shown.contains("131052-***T"), "{shown}");
        }
        assert_eq!(code.in_clear(), "131052-308T");
        assert_eq!(code.masked().as_str(), "131052-***T");
        let masked: MaskedIdentityCode = "131052-***T".parse().unwrap();
        assert_eq!(masked, code.masked());
        assert_eq!(serde_json::to_string(&masked).unwrap(), "\"131052-***T\"");
        for wrong in [
            "131052-308T",
            "131052S***T",
            "131052-***G",
            "131052-**T",
            "",
        ] {
            assert!(wrong.parse::<MaskedIdentityCode>().is_err(), "{wrong}");
        }
    }

    proptest! {
        // Exactly one check character is accepted for every date and permanent number.
        #[test]
        fn one_check_character_per_code(
            day in 1u32..=28,
            month in 1u32..=12,
            year in 0u32..=99,
            sign in prop::sample::select(vec!['+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F']),
            individual in 2u32..=899,
        ) {
            let accepted: Vec<char> = CHECK_CHARACTERS
                .iter()
                .map(|check| char::from(*check))
                .filter(|check| {
                    format!("{day:02}{month:02}{year:02}{sign}{individual:03}{check}")
                        .parse::<IdentityCode>()
                        .is_ok()
                })
                .collect();
            prop_assert_eq!(accepted.len(), 1);
        }

        // The stored form parses to itself, and its mask hides the individual number.
        #[test]
        fn normalising_is_idempotent(text in "[0-3][0-9][01][0-9][0-9]{2}[-+YXWVUABCDEFa-f][0-9]{3}[0-9A-Ya-y]") {
            if let Ok(code) = text.parse::<IdentityCode>() {
                prop_assert_eq!(code.in_clear().parse::<IdentityCode>(), Ok(code.clone()));
                let masked = code.masked();
                prop_assert_eq!(&masked.as_str()[7..10], "***");
            }
        }

        #[test]
        fn never_panics(text in "\\PC{0,20}") {
            let _ = text.parse::<IdentityCode>();
        }
    }
}
