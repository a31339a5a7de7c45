//! The free texts of the administration: an organisation's or a registration point's name, a
//! point's postal address, and the reason an officer gives for a rejection.
//!
//! Each is trimmed and counted in characters (Unicode scalar values). Control characters are
//! refused, and so are the bidirectional embedding, override and isolate marks and the line
//! and paragraph separators: they are invisible, and in a name another person reads (the
//! officer, a registrar confirming a point) they could make one text look like another. A
//! rejection reason is written in a text area, so it keeps its line breaks (stored as `\n`).

use std::str::FromStr;

/// The fewest characters of an organisation's or a point's name.
pub const MIN_ORGANISATION_NAME_LENGTH: usize = 2;
/// The most characters of an organisation's or a point's name.
pub const MAX_ORGANISATION_NAME_LENGTH: usize = 200;
/// The fewest characters of a postal address.
pub const MIN_POSTAL_ADDRESS_LENGTH: usize = 5;
/// The most characters of a postal address.
pub const MAX_POSTAL_ADDRESS_LENGTH: usize = 300;
/// The most characters of a rejection reason.
pub const MAX_REJECTION_REASON_LENGTH: usize = 1000;
/// The most characters of an agency notice's subject (one line, an email's subject).
pub const MAX_NOTICE_SUBJECT_LENGTH: usize = 150;
/// The most characters of an agency notice's text.
pub const MAX_NOTICE_BODY_LENGTH: usize = 10_000;

/// What the shared check found wrong, before each type names it in its own error.
enum Problem {
    Required,
    TooShort,
    TooLong,
    InvalidCharacters,
}

/// Invisible characters that no text here may hold; `line_breaks` lets `\n` through.
fn is_refused(character: char, line_breaks: bool) -> bool {
    (character.is_control() && !(line_breaks && character == '\n'))
        || matches!(
            character,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

fn check(text: &str, min: usize, max: usize, line_breaks: bool) -> Result<String, Problem> {
    let text = if line_breaks {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::Required);
    }
    if text
        .chars()
        .any(|character| is_refused(character, line_breaks))
    {
        return Err(Problem::InvalidCharacters);
    }
    let length = text.chars().count();
    if length < min {
        Err(Problem::TooShort)
    } else if length > max {
        Err(Problem::TooLong)
    } else {
        Ok(text.to_owned())
    }
}

/// A customer account's (organisation's) name; also a registration point's name. Trimmed,
/// 2–200 characters, one line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrganisationName(String);

coded_enum! {
    error
    /// Why a text is not an organisation's or a point's name.
    OrganisationNameError {
        /// Nothing but white space was given.
        Required = "required",
        /// Fewer than [`MIN_ORGANISATION_NAME_LENGTH`] characters.
        TooShort = "too_short",
        /// More than [`MAX_ORGANISATION_NAME_LENGTH`] characters.
        TooLong = "too_long",
        /// A control character, line break or invisible direction mark.
        InvalidCharacters = "invalid_characters",
    }
}

impl OrganisationName {
    /// The name as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for OrganisationName {
    type Err = OrganisationNameError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        check(
            text,
            MIN_ORGANISATION_NAME_LENGTH,
            MAX_ORGANISATION_NAME_LENGTH,
            false,
        )
        .map(OrganisationName)
        .map_err(|problem| match problem {
            Problem::Required => OrganisationNameError::Required,
            Problem::TooShort => OrganisationNameError::TooShort,
            Problem::TooLong => OrganisationNameError::TooLong,
            Problem::InvalidCharacters => OrganisationNameError::InvalidCharacters,
        })
    }
}

/// A registration point's postal address, on one line (`Sibeliuksenkatu 3, 00260
/// Helsinki`). Trimmed, 5–300 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostalAddress(String);

coded_enum! {
    error
    /// Why a text is not a postal address.
    PostalAddressError {
        /// Nothing but white space was given.
        Required = "required",
        /// Fewer than [`MIN_POSTAL_ADDRESS_LENGTH`] characters.
        TooShort = "too_short",
        /// More than [`MAX_POSTAL_ADDRESS_LENGTH`] characters.
        TooLong = "too_long",
        /// A control character, line break or invisible direction mark.
        InvalidCharacters = "invalid_characters",
    }
}

impl PostalAddress {
    /// The address as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for PostalAddress {
    type Err = PostalAddressError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        check(
            text,
            MIN_POSTAL_ADDRESS_LENGTH,
            MAX_POSTAL_ADDRESS_LENGTH,
            false,
        )
        .map(PostalAddress)
        .map_err(|problem| match problem {
            Problem::Required => PostalAddressError::Required,
            Problem::TooShort => PostalAddressError::TooShort,
            Problem::TooLong => PostalAddressError::TooLong,
            Problem::InvalidCharacters => PostalAddressError::InvalidCharacters,
        })
    }
}

/// Why the officer rejected a contract (or a point order): trimmed, 1–1000 characters, line
/// breaks kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RejectionReason(String);

coded_enum! {
    error
    /// Why a text is not a rejection reason.
    RejectionReasonError {
        /// Nothing but white space was given: a rejection always says why.
        Required = "required",
        /// More than [`MAX_REJECTION_REASON_LENGTH`] characters.
        TooLong = "too_long",
        /// A control character other than a line break, or an invisible direction mark.
        InvalidCharacters = "invalid_characters",
    }
}

impl RejectionReason {
    /// The reason as stored, its line breaks as `\n`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for RejectionReason {
    type Err = RejectionReasonError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        check(text, 1, MAX_REJECTION_REASON_LENGTH, true)
            .map(RejectionReason)
            .map_err(|problem| match problem {
                // One character is enough, so nothing non-empty is too short.
                Problem::Required | Problem::TooShort => RejectionReasonError::Required,
                Problem::TooLong => RejectionReasonError::TooLong,
                Problem::InvalidCharacters => RejectionReasonError::InvalidCharacters,
            })
    }
}

/// The subject of an agency notice (tiedote) to the registrars: trimmed, 1–150 characters, one
/// line (it is the email's subject).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NoticeSubject(String);

coded_enum! {
    error
    /// Why a text is not a notice's subject.
    NoticeSubjectError {
        /// Nothing but white space was given.
        Required = "required",
        /// More than [`MAX_NOTICE_SUBJECT_LENGTH`] characters.
        TooLong = "too_long",
        /// A control character, line break or invisible direction mark.
        InvalidCharacters = "invalid_characters",
    }
}

impl NoticeSubject {
    /// The subject as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for NoticeSubject {
    type Err = NoticeSubjectError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        check(text, 1, MAX_NOTICE_SUBJECT_LENGTH, false)
            .map(NoticeSubject)
            .map_err(|problem| match problem {
                Problem::Required | Problem::TooShort => NoticeSubjectError::Required,
                Problem::TooLong => NoticeSubjectError::TooLong,
                Problem::InvalidCharacters => NoticeSubjectError::InvalidCharacters,
            })
    }
}

/// The text of an agency notice: trimmed, 1–10,000 characters, line breaks kept (stored as
/// `\n`), in the one language the officer wrote it in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NoticeBody(String);

coded_enum! {
    error
    /// Why a text is not a notice's text.
    NoticeBodyError {
        /// Nothing but white space was given.
        Required = "required",
        /// More than [`MAX_NOTICE_BODY_LENGTH`] characters.
        TooLong = "too_long",
        /// A control character other than a line break, or an invisible direction mark.
        InvalidCharacters = "invalid_characters",
    }
}

impl NoticeBody {
    /// The text as stored, its line breaks as `\n`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for NoticeBody {
    type Err = NoticeBodyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        check(text, 1, MAX_NOTICE_BODY_LENGTH, true)
            .map(NoticeBody)
            .map_err(|problem| match problem {
                Problem::Required | Problem::TooShort => NoticeBodyError::Required,
                Problem::TooLong => NoticeBodyError::TooLong,
                Problem::InvalidCharacters => NoticeBodyError::InvalidCharacters,
            })
    }
}

crate::text_form!(NoticeSubject);
crate::text_form!(NoticeBody);
crate::text_form!(OrganisationName);
crate::text_form!(PostalAddress);
crate::text_form!(RejectionReason);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn name(text: &str) -> Result<String, OrganisationNameError> {
        text.parse::<OrganisationName>()
            .map(|name| name.as_str().to_owned())
    }

    fn address(text: &str) -> Result<String, PostalAddressError> {
        text.parse::<PostalAddress>()
            .map(|address| address.as_str().to_owned())
    }

    fn reason(text: &str) -> Result<String, RejectionReasonError> {
        text.parse::<RejectionReason>()
            .map(|reason| reason.as_str().to_owned())
    }

    #[test]
    fn names() {
        use OrganisationNameError::*;
        let ok = |text: &str| Ok(text.to_owned());
        assert_eq!(
            name("  Keski-Uudenmaan hyvinvointialue "),
            ok("Keski-Uudenmaan hyvinvointialue")
        );
        assert_eq!(
            name("Ålands Hälso- & sjukvård"),
            ok("Ålands Hälso- & sjukvård")
        );
        assert_eq!(name("Oy Åbo \"Terveys\" Ab"), ok("Oy Åbo \"Terveys\" Ab"));
        assert_eq!(name("HUS"), ok("HUS"));
        assert_eq!(name("Yö"), ok("Yö"));
        assert_eq!(name(""), Err(Required));
        assert_eq!(name(" \t\n "), Err(Required));
        assert_eq!(name("A"), Err(TooShort));
        assert_eq!(name(" Ä "), Err(TooShort));
        assert_eq!(name(&"ä".repeat(200)), ok(&"ä".repeat(200)));
        assert_eq!(name(&"ä".repeat(201)), Err(TooLong));
        assert_eq!(name("Pelastus\nlaitos"), Err(InvalidCharacters));
        assert_eq!(name("Pelastus\tlaitos"), Err(InvalidCharacters));
        assert_eq!(name("Pelastus\u{0}laitos"), Err(InvalidCharacters));
        assert_eq!(name("Oy \u{202e}bA"), Err(InvalidCharacters));
        assert_eq!(name("Oy\u{2028}Ab"), Err(InvalidCharacters));
    }

    #[test]
    fn addresses() {
        use PostalAddressError::*;
        let ok = |text: &str| Ok(text.to_owned());
        assert_eq!(
            address(" Sibeliuksenkatu 3, 00260 Helsinki "),
            ok("Sibeliuksenkatu 3, 00260 Helsinki")
        );
        assert_eq!(address("PL 10"), ok("PL 10"));
        assert_eq!(address("PL 1"), Err(TooShort));
        assert_eq!(address(""), Err(Required));
        assert_eq!(address(&"a".repeat(300)), ok(&"a".repeat(300)));
        assert_eq!(address(&"a".repeat(301)), Err(TooLong));
        assert_eq!(
            address("Sibeliuksenkatu 3\n00260 Helsinki"),
            Err(InvalidCharacters)
        );
    }

    #[test]
    fn reasons_keep_their_line_breaks() {
        use RejectionReasonError::*;
        assert_eq!(reason("x"), Ok("x".to_owned()));
        assert_eq!(
            reason(" Liite puuttuu.\r\n\r\nLähetä uudelleen. "),
            Ok("Liite puuttuu.\n\nLähetä uudelleen.".to_owned())
        );
        assert_eq!(reason(" \r\n "), Err(Required));
        assert_eq!(
            reason(&"é".repeat(1000)).map(|text| text.chars().count()),
            Ok(1000)
        );
        assert_eq!(reason(&"é".repeat(1001)), Err(TooLong));
        assert_eq!(reason("Liite\u{7}puuttuu"), Err(InvalidCharacters));
        assert_eq!(reason("Liite\tpuuttuu"), Err(InvalidCharacters));
    }

    #[test]
    fn read_from_the_wire_through_the_rule() {
        assert_eq!(
            serde_json::from_str::<OrganisationName>("\" HUS \"")
                .unwrap()
                .as_str(),
            "HUS"
        );
        assert!(serde_json::from_str::<OrganisationName>("\"A\"").is_err());
        assert!(serde_json::from_str::<PostalAddress>("\"\"").is_err());
        assert!(serde_json::from_str::<RejectionReason>("\" \"").is_err());
    }

    #[test]
    fn notice_subjects_and_texts() {
        let subject = |text: &str| text.parse::<NoticeSubject>().map(|s| s.as_str().to_owned());
        let body = |text: &str| text.parse::<NoticeBody>().map(|b| b.as_str().to_owned());
        assert_eq!(subject(" Huoltokatko "), Ok("Huoltokatko".to_owned()));
        assert_eq!(subject("x"), Ok("x".to_owned()));
        assert_eq!(subject(" "), Err(NoticeSubjectError::Required));
        assert_eq!(subject(&"ä".repeat(150)), Ok("ä".repeat(150)));
        assert_eq!(subject(&"ä".repeat(151)), Err(NoticeSubjectError::TooLong));
        assert_eq!(
            subject("Huolto\nkatko"),
            Err(NoticeSubjectError::InvalidCharacters)
        );
        assert_eq!(
            subject("Huolto\u{202e}katko"),
            Err(NoticeSubjectError::InvalidCharacters)
        );
        assert_eq!(
            body(" Hei\r\n\r\nkatko klo 18. "),
            Ok("Hei\n\nkatko klo 18.".to_owned())
        );
        assert_eq!(body("\n\n"), Err(NoticeBodyError::Required));
        assert_eq!(
            body(&"é".repeat(10_000)).map(|t| t.chars().count()),
            Ok(10_000)
        );
        assert_eq!(body(&"é".repeat(10_001)), Err(NoticeBodyError::TooLong));
        assert_eq!(body("Hei\u{0}"), Err(NoticeBodyError::InvalidCharacters));
    }

    proptest! {
        // Normalising twice changes nothing.
        #[test]
        fn normalising_is_idempotent(text in "\\PC{0,210}") {
            if let Ok(value) = text.parse::<OrganisationName>() {
                prop_assert_eq!(value.as_str().parse::<OrganisationName>(), Ok(value.clone()));
            }
            if let Ok(value) = text.parse::<PostalAddress>() {
                prop_assert_eq!(value.as_str().parse::<PostalAddress>(), Ok(value.clone()));
            }
        }

        #[test]
        fn a_reason_is_idempotent(text in "[a-zä \r\n\t.]{0,40}") {
            if let Ok(value) = text.parse::<RejectionReason>() {
                prop_assert_eq!(value.as_str().parse::<RejectionReason>(), Ok(value.clone()));
            }
        }
    }
}
