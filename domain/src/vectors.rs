//! Test vectors for the rules: input and expected verdict, and the one check of each list. The
//! domain's own tests call the checks natively, and the app's wasm-bindgen tests call the same
//! checks in Chromium, so "the same verdict in the browser and on the server" is a tested fact.
//! Only tests use this module; the linker drops it from the app and the server.

use crate::administration::{
    AttachmentError, AttachmentKind, AttachmentName, AttachmentNameError, BusinessId,
    BusinessIdError, IdentityCode, IdentityCodeError, ServiceNumber, ServiceNumberError,
};
use crate::cooperation::CooperationOrganisation;
use crate::email::{Email, EmailError};
use crate::phone::{PhoneNumber, PhoneNumberError};
use crate::search::search;

/// Panics, naming the input, unless every phone vector gets its verdict.
pub fn check_phone() {
    for (input, expected) in PHONE {
        let actual = input.parse::<PhoneNumber>();
        let actual = actual
            .as_ref()
            .map(PhoneNumber::as_str)
            .map_err(|error| *error);
        assert_eq!(actual, *expected, "input {input:?}");
    }
}

/// Panics, naming the input, unless every e-mail vector gets its verdict.
pub fn check_email() {
    for (input, expected) in EMAIL {
        let actual = input.parse::<Email>();
        let actual = actual.as_ref().map(Email::as_str).map_err(|error| *error);
        assert_eq!(actual, *expected, "input {input:?}");
    }
}

/// Panics, naming the input, unless every business ID vector gets its verdict.
pub fn check_business_id() {
    for (input, expected) in BUSINESS_ID {
        let actual = input.parse::<BusinessId>();
        let actual = actual
            .as_ref()
            .map(BusinessId::as_str)
            .map_err(|error| *error);
        assert_eq!(actual, *expected, "input {input:?}");
    }
}

/// Panics, naming the input, unless every service number vector gets its verdict (the stored
/// form and the grouped one).
pub fn check_service_number() {
    for (input, expected) in SERVICE_NUMBER {
        let actual = input.parse::<ServiceNumber>();
        let actual = actual
            .as_ref()
            .map(|number| (number.as_str(), number.to_string()))
            .map_err(|error| *error);
        let expected =
            expected.map(|digits| (digits, format!("{} {}", &digits[..4], &digits[4..])));
        assert_eq!(actual, expected, "input {input:?}");
    }
}

/// Panics, naming the input, unless every attachment vector gets its verdict (the type the
/// leading bytes say, whatever the name the file came with).
pub fn check_attachment() {
    for (leading, name, expected) in ATTACHMENT {
        let actual = AttachmentKind::sniff(leading);
        assert_eq!(actual, *expected, "file {name:?} starting {leading:?}");
    }
}

/// Panics, naming the input, unless every attachment name gets its verdict and, when taken,
/// the name it is served under as a PDF.
pub fn check_attachment_name() {
    for (input, expected) in ATTACHMENT_NAME {
        let actual = input
            .parse::<AttachmentName>()
            .map(|name| name.download_name(AttachmentKind::Pdf));
        let actual = actual.as_deref().map_err(|error| *error);
        assert_eq!(actual, *expected, "input {input:?}");
    }
}

/// Panics, naming the input, unless every identity code vector gets its verdict (the stored
/// form and the masked one).
pub fn check_identity_code() {
    for (input, expected) in IDENTITY_CODE {
        let actual = input.parse::<IdentityCode>();
        let actual = actual
            .as_ref()
            .map(|code| (code.in_clear(), code.masked().as_str().to_owned()))
            .map_err(|error| *error);
        let expected = expected.map(|code| (code, format!("{}***{}", &code[..7], &code[10..])));
        assert_eq!(actual, expected, "input {input:?}");
    }
}

/// Panics, naming the query, unless every search vector finds its first result.
pub fn check_search() {
    for (query, expected_first) in SEARCH {
        let first = search(query).first().map(CooperationOrganisation::code);
        assert_eq!(first.as_deref(), *expected_first, "query {query:?}");
    }
}

/// Phone numbers: the text a user typed, and the E.164 form or the error code.
pub const PHONE: &[(&str, Result<&str, PhoneNumberError>)] = &[
    // Mobiles in every common writing.
    ("040 123 4567", Ok("+358401234567")),
    ("040-1234567", Ok("+358401234567")),
    ("0401234567", Ok("+358401234567")),
    ("+358 40 123 4567", Ok("+358401234567")),
    ("+358401234567", Ok("+358401234567")),
    ("00358 40 123 4567", Ok("+358401234567")),
    ("00358401234567", Ok("+358401234567")),
    ("+358 (0)40 123 4567", Ok("+358401234567")),
    ("  050 765 4321 ", Ok("+358507654321")),
    ("040.123.4567", Ok("+358401234567")),
    ("040\u{a0}123\u{a0}4567", Ok("+358401234567")),
    ("0400 123 456", Ok("+358400123456")),
    ("0400123456", Ok("+358400123456")),
    ("044 987 6543", Ok("+358449876543")),
    ("0457 123 4567", Ok("+3584571234567")),
    ("045 71234567", Ok("+3584571234567")),
    ("046 123 4567", Ok("+358461234567")),
    ("0413 123", Ok("+358413123")),
    // Landlines, Åland's 018 among them.
    ("09 123 4567", Ok("+35891234567")),
    ("(09) 123 4567", Ok("+35891234567")),
    ("+358 9 1234 567", Ok("+35891234567")),
    ("02 234 5678", Ok("+35822345678")),
    ("018 123 456", Ok("+35818123456")),
    ("018 12345", Ok("+3581812345")),
    ("014 123 4567", Ok("+358141234567")),
    ("017 555 1234", Ok("+358175551234")),
    // International numbers in E.164.
    ("+46 8 123 456 78", Ok("+46812345678")),
    ("0046812345678", Ok("+46812345678")),
    ("+1 202 555 0143", Ok("+12025550143")),
    ("+44 20 7946 0958", Ok("+442079460958")),
    // Errors, one code per reason.
    ("", Err(PhoneNumberError::Required)),
    ("   ", Err(PhoneNumberError::Required)),
    ("040 123 456a", Err(PhoneNumberError::InvalidCharacters)),
    ("puhelin", Err(PhoneNumberError::InvalidCharacters)),
    ("040+1234567", Err(PhoneNumberError::InvalidCharacters)),
    ("++358401234567", Err(PhoneNumberError::InvalidCharacters)),
    ("+", Err(PhoneNumberError::InvalidCharacters)),
    ("---", Err(PhoneNumberError::InvalidCharacters)),
    ("0401", Err(PhoneNumberError::TooShort)),
    ("040", Err(PhoneNumberError::TooShort)),
    ("+4681234", Err(PhoneNumberError::TooShort)),
    ("040 123 4567 890", Err(PhoneNumberError::TooLong)),
    ("+46 8123 4567 8901 234", Err(PhoneNumberError::TooLong)),
    ("401234567", Err(PhoneNumberError::Invalid)),
    ("0100 100", Err(PhoneNumberError::Invalid)),
    ("0600 123 456", Err(PhoneNumberError::Invalid)),
    ("0700 123 456", Err(PhoneNumberError::Invalid)),
    ("020 123 4567", Err(PhoneNumberError::Invalid)),
    ("0751 234 567", Err(PhoneNumberError::Invalid)),
    ("09 0123 456", Err(PhoneNumberError::Invalid)),
    ("012 345 678", Err(PhoneNumberError::Invalid)),
    ("+0 123 456 789", Err(PhoneNumberError::Invalid)),
];

/// E-mail addresses: the text a user typed, and the stored form or the error code.
pub const EMAIL: &[(&str, Result<&str, EmailError>)] = &[
    (
        "maija.meikalainen@esimerkki.fi",
        Ok("maija.meikalainen@esimerkki.fi"),
    ),
    ("  maija@esimerkki.fi  ", Ok("maija@esimerkki.fi")),
    ("Maija@Esimerkki.FI", Ok("Maija@esimerkki.fi")),
    (
        "maija+ammattilainen@hus.fi",
        Ok("maija+ammattilainen@hus.fi"),
    ),
    ("jöns@exämple.fi", Ok("jöns@exämple.fi")),
    ("jöns@EXÄMPLE.FI", Ok("jöns@exämple.fi")),
    ("o'brien@example.co.uk", Ok("o'brien@example.co.uk")),
    ("a@b.fi", Ok("a@b.fi")),
    ("", Err(EmailError::Required)),
    ("   ", Err(EmailError::Required)),
    ("maija.esimerkki.fi", Err(EmailError::MissingAt)),
    ("@esimerkki.fi", Err(EmailError::MissingLocalPart)),
    ("maija@", Err(EmailError::InvalidDomain)),
    ("maija@localhost", Err(EmailError::InvalidDomain)),
    ("maija@esimerkki..fi", Err(EmailError::InvalidDomain)),
    ("maija@.esimerkki.fi", Err(EmailError::InvalidDomain)),
    ("maija@-esimerkki.fi", Err(EmailError::InvalidCharacters)),
    ("maija@esimerkki-.fi", Err(EmailError::InvalidCharacters)),
    ("maija@[10.0.0.1]", Err(EmailError::InvalidDomain)),
    (
        "maija meikalainen@esimerkki.fi",
        Err(EmailError::InvalidCharacters),
    ),
    ("maija@@esimerkki.fi", Err(EmailError::InvalidCharacters)),
    ("Maija <maija@esimerkki.fi>", Err(EmailError::Invalid)),
    // Found by the fuzzer: İ lower-cases to i + U+0307, which no domain may hold, so the
    // stored form would not parse again.
    ("maija@İSTANBUL.example", Err(EmailError::InvalidDomain)),
    ("z@\u{793}.\u{130}", Err(EmailError::InvalidDomain)),
    (
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@esimerkki.fi",
        Err(EmailError::TooLong),
    ),
];

/// Business IDs (Y-tunnus): the text a user typed, and the stored form or the error code. The
/// valid ones are real public bodies' IDs, their check digits computed by hand.
pub const BUSINESS_ID: &[(&str, Result<&str, BusinessIdError>)] = &[
    // Helsingin kaupunki.
    ("0201256-6", Ok("0201256-6")),
    // HUS-yhtymä.
    ("1567535-0", Ok("1567535-0")),
    // Kansaneläkelaitos (remainder 0, so the check digit is 0).
    ("0246246-0", Ok("0246246-0")),
    // Digi- ja väestötietovirasto.
    ("0245437-2", Ok("0245437-2")),
    // Verohallinto.
    ("  0245458-3 ", Ok("0245458-3")),
    // The old six-digit writing gets its leading zero.
    ("245437-2", Ok("0245437-2")),
    ("201256-6", Ok("0201256-6")),
    // A word processor's dash in place of the hyphen.
    ("0201256\u{2013}6", Ok("0201256-6")),
    ("", Err(BusinessIdError::Required)),
    ("   ", Err(BusinessIdError::Required)),
    // Wrong check digits: one off, a swap of two neighbouring digits, the form's placeholder.
    ("0201256-5", Err(BusinessIdError::CheckDigit)),
    ("1567535-1", Err(BusinessIdError::CheckDigit)),
    ("0210256-6", Err(BusinessIdError::CheckDigit)),
    ("1234567-8", Err(BusinessIdError::CheckDigit)),
    ("245437-3", Err(BusinessIdError::CheckDigit)),
    // Remainder 1: no check digit makes these digits an ID.
    ("1111111-0", Err(BusinessIdError::CheckDigit)),
    ("1111111-1", Err(BusinessIdError::CheckDigit)),
    ("1111111-9", Err(BusinessIdError::CheckDigit)),
    // Not the form.
    ("02012566", Err(BusinessIdError::Format)),
    ("FI02012566", Err(BusinessIdError::Format)),
    ("FI0201256-6", Err(BusinessIdError::Format)),
    ("0201256 6", Err(BusinessIdError::Format)),
    ("0201 256-6", Err(BusinessIdError::Format)),
    ("0201256-", Err(BusinessIdError::Format)),
    ("-6", Err(BusinessIdError::Format)),
    ("20125-6", Err(BusinessIdError::Format)),
    ("10201256-6", Err(BusinessIdError::Format)),
    ("0201256-66", Err(BusinessIdError::Format)),
    ("0201256--6", Err(BusinessIdError::Format)),
    ("O201256-6", Err(BusinessIdError::Format)),
    (
        "\u{660}\u{662}\u{660}\u{661}\u{662}\u{665}\u{666}-\u{666}",
        Err(BusinessIdError::Format),
    ),
    ("y-tunnus", Err(BusinessIdError::Format)),
];

/// Electronic service numbers: the text a user typed, and the eight stored digits or the error
/// code.
pub const SERVICE_NUMBER: &[(&str, Result<&str, ServiceNumberError>)] = &[
    ("12345674", Ok("12345674")),
    ("1234 5674", Ok("12345674")),
    ("1234-5674", Ok("12345674")),
    (" 12 34 56 74 ", Ok("12345674")),
    ("1234\u{a0}5674", Ok("12345674")),
    ("1234\u{2013}5674", Ok("12345674")),
    // The first and the last serial.
    ("1000 0008", Ok("10000008")),
    ("9999 9997", Ok("99999997")),
    ("", Err(ServiceNumberError::Required)),
    ("  ", Err(ServiceNumberError::Required)),
    // Typing errors: one digit wrong, neighbours swapped.
    ("12345675", Err(ServiceNumberError::CheckDigit)),
    ("1234 5664", Err(ServiceNumberError::CheckDigit)),
    ("21345674", Err(ServiceNumberError::CheckDigit)),
    ("12354674", Err(ServiceNumberError::CheckDigit)),
    ("12345647", Err(ServiceNumberError::CheckDigit)),
    // Not eight digits, or a character that is no separator.
    ("1234567", Err(ServiceNumberError::Format)),
    ("123456745", Err(ServiceNumberError::Format)),
    ("1234 567a", Err(ServiceNumberError::Format)),
    ("1234_5674", Err(ServiceNumberError::Format)),
    ("1234.5674", Err(ServiceNumberError::Format)),
    ("+12345674", Err(ServiceNumberError::Format)),
    ("----", Err(ServiceNumberError::Format)),
    // A valid Luhn number, but no serial starts with 0.
    ("01234566", Err(ServiceNumberError::Format)),
];

/// Attachments: a file's leading bytes (at most [`crate::administration::SNIFF_BYTES`], or the
/// whole file), the name it was uploaded with (which never decides), and the type or the error.
pub const ATTACHMENT: &[(&[u8], &str, Result<AttachmentKind, AttachmentError>)] = &[
    (b"%PDF-1.7", "todistus.pdf", Ok(AttachmentKind::Pdf)),
    (b"%PDF-", "todistus.pdf", Ok(AttachmentKind::Pdf)),
    // A PDF named as an image is a PDF (stored and served as one).
    (b"%PDF-1.4", "todistus.png", Ok(AttachmentKind::Pdf)),
    (b"\x89PNG\r\n\x1a\n", "kuva.png", Ok(AttachmentKind::Png)),
    (b"\x89PNG\r\n\x1a\n", "kuva.pdf", Ok(AttachmentKind::Png)),
    (
        b"\xff\xd8\xff\xe0\x00\x10JF",
        "kuva.jpg",
        Ok(AttachmentKind::Jpeg),
    ),
    (b"\xff\xd8\xff\xe1", "kuva.jpeg", Ok(AttachmentKind::Jpeg)),
    (b"\xff\xd8\xff", "kuva", Ok(AttachmentKind::Jpeg)),
    // Nothing at all.
    (b"", "todistus.pdf", Err(AttachmentError::Empty)),
    // Executables named as a document: Windows (MZ), Linux (ELF), a script.
    (
        b"MZ\x90\x00\x03\x00\x00\x00",
        "todistus.pdf",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b"\x7fELF\x02\x01\x01\x00",
        "todistus.pdf",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b"#!/bin/s",
        "todistus.pdf",
        Err(AttachmentError::TypeNotAllowed),
    ),
    // Near misses: a signature cut short or one byte off, a PDF header not at the start.
    (
        b"%PDF",
        "todistus.pdf",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b"%pdf-1.7",
        "todistus.pdf",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b" %PDF-1.",
        "todistus.pdf",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b"\x89PNG\r\n\x1a",
        "kuva.png",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b"\x89PNG\r\n\x1a\x00",
        "kuva.png",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b"\xff\xd8",
        "kuva.jpg",
        Err(AttachmentError::TypeNotAllowed),
    ),
    // Other documents and images that are not taken.
    (
        b"PK\x03\x04\x14\x00\x06\x00",
        "todistus.docx",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b"GIF89a\x01\x00",
        "kuva.gif",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b"<svg xml",
        "kuva.svg",
        Err(AttachmentError::TypeNotAllowed),
    ),
    (
        b"<html><s",
        "todistus.pdf",
        Err(AttachmentError::TypeNotAllowed),
    ),
];

/// Attachment names: the name as uploaded, and the name a PDF of it is served under, or the
/// error code.
pub const ATTACHMENT_NAME: &[(&str, Result<&str, AttachmentNameError>)] = &[
    ("todistus.pdf", Ok("todistus.pdf")),
    ("  todistus.pdf ", Ok("todistus.pdf")),
    // The extension is the type's, whatever the name said.
    ("todistus.png", Ok("todistus.pdf")),
    ("todistus", Ok("todistus.pdf")),
    (
        "Koulutustodistus Äijälä 2026.PDF",
        Ok("Koulutustodistus_Aijala_2026.pdf"),
    ),
    ("Åsa Öberg – intyg.pdf", Ok("Asa_Oberg_intyg.pdf")),
    ("rekisteröijä.koulutus.pdf", Ok("rekisteroija.koulutus.pdf")),
    // Nothing ASCII-safe is left: a neutral name.
    ("証明書.pdf", Ok("liite.pdf")),
    (".pdf", Ok("pdf.pdf")),
    ("\"quoted\";.pdf", Ok("quoted.pdf")),
    ("", Err(AttachmentNameError::Required)),
    ("   ", Err(AttachmentNameError::Required)),
    ("..", Err(AttachmentNameError::InvalidCharacters)),
    (
        "../../etc/passwd",
        Err(AttachmentNameError::InvalidCharacters),
    ),
    (
        "C:\\Users\\todistus.pdf",
        Err(AttachmentNameError::InvalidCharacters),
    ),
    (
        "todistus\n.pdf",
        Err(AttachmentNameError::InvalidCharacters),
    ),
    (
        "todistus\u{202e}fdp.exe",
        Err(AttachmentNameError::InvalidCharacters),
    ),
];

/// Personal identity codes (henkilötunnus): the text a registrar typed, and the stored form or
/// the error code. The check characters were computed apart from the rule (the nine digits
/// modulo 31 by hand); `131052-308T` is the code of the population register's own examples.
pub const IDENTITY_CODE: &[(&str, Result<&str, IdentityCodeError>)] = &[
    ("131052-308T", Ok("131052-308T")),
    ("010190-123M", Ok("010190-123M")),
    // Lower case, white space around, a word processor's dash for the hyphen.
    (" 010190-123m ", Ok("010190-123M")),
    ("010190\u{2013}123M", Ok("010190-123M")),
    // The 1900s' signs of the 2023 reform: new codes, each its own.
    ("010190Y123M", Ok("010190Y123M")),
    ("010190X123M", Ok("010190X123M")),
    ("010190W123M", Ok("010190W123M")),
    ("010190V123M", Ok("010190V123M")),
    ("010190u123m", Ok("010190U123M")),
    // The 1800s, and the 2000s with the old sign and the new ones.
    ("311299+8997", Ok("311299+8997")),
    ("010100A002H", Ok("010100A002H")),
    ("010100F002H", Ok("010100F002H")),
    ("150823B456S", Ok("150823B456S")),
    ("150823e456s", Ok("150823E456S")),
    // 29 February: 2000 and 2004 are leap years; 1900, 2001 and 1899 are not.
    ("290200A101K", Ok("290200A101K")),
    ("290204D002D", Ok("290204D002D")),
    ("290200-101K", Err(IdentityCodeError::Date)),
    ("290201A123J", Err(IdentityCodeError::Date)),
    ("280299+0029", Ok("280299+0029")),
    ("290299+0029", Err(IdentityCodeError::Date)),
    ("310490-123M", Err(IdentityCodeError::Date)),
    ("001390-123M", Err(IdentityCodeError::Date)),
    ("000190-123M", Err(IdentityCodeError::Date)),
    ("011390-123M", Err(IdentityCodeError::Date)),
    ("", Err(IdentityCodeError::Required)),
    ("   ", Err(IdentityCodeError::Required)),
    // Wrong check characters: one off, an impossible one, a digit for a letter.
    ("131052-308U", Err(IdentityCodeError::CheckCharacter)),
    ("010190-123N", Err(IdentityCodeError::CheckCharacter)),
    ("010190-123G", Err(IdentityCodeError::CheckCharacter)),
    ("010190-1234", Err(IdentityCodeError::CheckCharacter)),
    // Neighbouring digits swapped.
    ("010190-132M", Err(IdentityCodeError::CheckCharacter)),
    // Century signs that are none (S, G and Z were never signs; a space or a slash).
    ("131052S308T", Err(IdentityCodeError::CenturySign)),
    ("131052G308T", Err(IdentityCodeError::CenturySign)),
    ("131052Z308T", Err(IdentityCodeError::CenturySign)),
    ("131052 308T", Err(IdentityCodeError::CenturySign)),
    ("131052/308T", Err(IdentityCodeError::CenturySign)),
    // Individual numbers no code has, and temporary codes.
    ("010190-001P", Err(IdentityCodeError::IndividualNumber)),
    ("010190-000N", Err(IdentityCodeError::IndividualNumber)),
    ("010101-900R", Err(IdentityCodeError::TemporaryNumber)),
    // Not the form.
    ("131052308T", Err(IdentityCodeError::Format)),
    ("131052-308", Err(IdentityCodeError::Format)),
    ("131052-308TT", Err(IdentityCodeError::Format)),
    ("13105-2308T", Err(IdentityCodeError::Format)),
    ("1310522-308T", Err(IdentityCodeError::Format)),
    ("13a052-308T", Err(IdentityCodeError::Format)),
    ("131052-3O8T", Err(IdentityCodeError::Format)),
    ("131052-308-", Err(IdentityCodeError::Format)),
    ("131052 - 308T", Err(IdentityCodeError::Format)),
    (
        "\u{661}\u{663}\u{661}\u{660}\u{665}\u{662}-308T",
        Err(IdentityCodeError::Format),
    ),
    ("henkilötunnus", Err(IdentityCodeError::Format)),
];

/// Organisation search: the query, and the code of the first result (or `None` for none).
pub const SEARCH: &[(&str, Option<&str>)] = &[
    ("HUS", Some("organisation:HUS")),
    ("hus", Some("organisation:HUS")),
    ("pirha", Some("organisation:PIRHA")),
    ("TYKS", Some("organisation:TYKS")),
    ("paijatha", Some("organisation:PÄIJÄTHA")),
    ("Helsinki", Some("municipality:091")),
    ("Helsingfors", Some("municipality:091")),
    ("helsingin kaupunki", Some("county:90")),
    ("Åbo", Some("municipality:853")),
    ("abo", Some("municipality:853")),
    ("Turku", Some("municipality:853")),
    ("Maarianhamina", Some("municipality:478")),
    ("Mariehamn", Some("municipality:478")),
    ("Pedersöre", Some("municipality:599")),
    ("pedersore", Some("municipality:599")),
    ("Koski Tl", Some("municipality:284")),
    ("koski-tl", Some("municipality:284")),
    ("Aanekoski", Some("municipality:992")),
    ("ÄÄNEKOSKI", Some("municipality:992")),
    ("Mäntyharju", Some("municipality:507")),
    ("Pertunmaa", None),
    ("Pirkanmaan hyvinvointialue", Some("organisation:PIRHA")),
    ("Varsinais-Suomen", Some("county:05")),
    ("Egentliga Finlands", Some("county:05")),
    ("zzzz", None),
];
