//! `Email`: an e-mail address in the practical subset of RFC 5321/5322, internationalised
//! addresses included (RFC 6531/6532: `maija@esimerkki.fi`, `jöns@exämple.fi`). Parsed by the
//! `email_address` crate, not a regex. Stored trimmed, with the domain lower-cased; the local
//! part is kept as written, since only the receiving server may decide its case.
//!
//! A public service mails real people, so on top of the syntax the domain needs at least two
//! labels (`a@localhost` is refused) and neither a display name (`Maija <m@x.fi>`) nor an IP
//! literal (`m@[10.0.0.1]`) is taken.

use std::str::FromStr;

use email_address::{EmailAddress, Options};
use serde::{Deserialize, Serialize};

/// The longest address that fits a mail path (RFC 5321: 256 octets with the angle brackets).
pub const MAX_EMAIL_LENGTH: usize = 254;

/// A valid e-mail address, trimmed, its domain lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

/// Why a text is not an e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailError {
    /// Nothing was given.
    #[error("required")]
    Required,
    /// Longer than an address can be (254 characters, 64 before the @, 63 per domain label).
    #[error("too long")]
    TooLong,
    /// No @ between the name and the domain.
    #[error("missing @")]
    MissingAt,
    /// Nothing before the @.
    #[error("missing local part")]
    MissingLocalPart,
    /// No domain after the @, or one that is not a real domain (no dot, empty label, …).
    #[error("invalid domain")]
    InvalidDomain,
    /// A character that an address cannot have, such as a space or a second @.
    #[error("invalid characters")]
    InvalidCharacters,
    /// Some other break of the address syntax (quotes, comments, a display name).
    #[error("invalid")]
    Invalid,
}

impl EmailError {
    /// Every error, for the app's tests that each has its own message.
    pub const ALL: [EmailError; 7] = [
        EmailError::Required,
        EmailError::TooLong,
        EmailError::MissingAt,
        EmailError::MissingLocalPart,
        EmailError::InvalidDomain,
        EmailError::InvalidCharacters,
        EmailError::Invalid,
    ];

    /// The stable code the API sends and the app translates.
    pub fn code(self) -> &'static str {
        match self {
            EmailError::Required => "required",
            EmailError::TooLong => "too_long",
            EmailError::MissingAt => "missing_at",
            EmailError::MissingLocalPart => "missing_local_part",
            EmailError::InvalidDomain => "invalid_domain",
            EmailError::InvalidCharacters => "invalid_characters",
            EmailError::Invalid => "invalid",
        }
    }
}

impl Email {
    /// The address as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the @.
    pub fn domain(&self) -> &str {
        self.0
            .rsplit_once('@')
            .map(|(_, domain)| domain)
            .unwrap_or_default()
    }
}

impl FromStr for Email {
    type Err = EmailError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() {
            return Err(EmailError::Required);
        }
        if text.chars().count() > MAX_EMAIL_LENGTH {
            return Err(EmailError::TooLong);
        }
        let options = Options {
            minimum_sub_domains: 2,
            allow_domain_literal: false,
            allow_display_text: false,
        };
        let address = EmailAddress::parse_with_options(text, options).map_err(|error| {
            use email_address::Error as E;
            match error {
                E::MissingSeparator => EmailError::MissingAt,
                E::LocalPartEmpty => EmailError::MissingLocalPart,
                E::LocalPartTooLong | E::DomainTooLong | E::SubDomainTooLong => EmailError::TooLong,
                E::DomainEmpty
                | E::SubDomainEmpty
                | E::DomainTooFew
                | E::DomainInvalidSeparator
                | E::UnsupportedDomainLiteral
                | E::InvalidIPAddress => EmailError::InvalidDomain,
                E::InvalidCharacter => EmailError::InvalidCharacters,
                _ => EmailError::Invalid,
            }
        })?;
        let normalised = format!(
            "{}@{}",
            address.local_part(),
            address.domain().to_lowercase()
        );
        // Lower-casing can make a domain that is no longer one (İ becomes i and a combining
        // dot); such an address could not be read back, so it is refused.
        if EmailAddress::parse_with_options(&normalised, options).is_err() {
            return Err(EmailError::InvalidDomain);
        }
        Ok(Email(normalised))
    }
}

crate::text_form!(Email);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::vectors;

    #[test]
    fn every_vector_gets_its_verdict() {
        vectors::check_email();
    }

    proptest! {
        // Normalising twice changes nothing.
        #[test]
        fn normalising_is_idempotent(text in "[a-zA-Z0-9._%+äöå-]{1,12}@[a-zA-Z0-9äÖ-]{1,10}\\\\.[a-zA-Z]{2,6}") {
            if let Ok(email) = text.parse::<Email>() {
                let again: Email = email.as_str().parse().unwrap();
                prop_assert_eq!(again, email);
            }
        }

        #[test]
        fn a_valid_address_survives_json(text in "[a-z0-9.]{1,10}@[a-zA-Z0-9]{1,10}\\\\.fi") {
            if let Ok(email) = text.parse::<Email>() {
                let json = serde_json::to_string(&email).unwrap();
                prop_assert_eq!(serde_json::from_str::<Email>(&json).unwrap(), email);
            }
        }

        #[test]
        fn never_panics(text in "\\\\PC{0,80}") {
            let _ = text.parse::<Email>();
        }
    }
}
