//! Who is signed in, as the identity provider vouched for it, and the account that identity
//! signs in to. The user never types their name.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::organisation::OrganisationCode;
use crate::sign_in::PersonalMeans;

/// How an identity signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum IdentityMethod {
    /// Organisation identification at a catalogue organisation.
    Organisation {
        /// Which organisation.
        organisation: OrganisationCode,
    },
    /// Suomi.fi identification.
    SuomiFi {
        /// With which means.
        means: PersonalMeans,
    },
}

/// Who is signed in, as the identity provider said.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Identity {
    /// The provider's stable subject id, unique within the method.
    pub subject: String,
    /// How they signed in.
    pub method: IdentityMethod,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
}

/// The key of the account an identity signs in to: what the professionals' records are
/// stored under. A Suomi.fi subject is the same person whichever means they use; an
/// organisation's subject is unique only within that organisation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AccountKey(String);

impl AccountKey {
    /// The key as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A key as it was stored (rows carry it; the server's own fixed keys): taken as it is. A
    /// signed-in person's key comes from [`Identity::account_key`], a configured one from
    /// [`AccountKey::parse`].
    pub fn from_stored(key: &str) -> AccountKey {
        AccountKey(key.to_owned())
    }

    /// A key a person typed (the server's configuration names the first agency officer so),
    /// if it has the form [`Identity::account_key`] gives: `suomifi:SUBJECT` or
    /// `organisation:CODE:SUBJECT` with a catalogue organisation's code, the subject neither
    /// empty nor padded nor holding control characters.
    pub fn parse(key: &str) -> Option<AccountKey> {
        let subject_ok = |subject: &str| {
            !subject.is_empty()
                && subject.trim() == subject
                && !subject.chars().any(char::is_control)
        };
        let well_formed = match key.split_once(':') {
            Some(("suomifi", subject)) => subject_ok(subject),
            Some(("organisation", rest)) => rest.split_once(':').is_some_and(|(code, subject)| {
                code.parse::<OrganisationCode>()
                    .is_ok_and(|parsed| parsed.to_string() == code)
                    && subject_ok(subject)
            }),
            _ => false,
        };
        well_formed.then(|| AccountKey(key.to_owned()))
    }
}

impl fmt::Display for AccountKey {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl Identity {
    /// The key of the account this identity signs in to.
    pub fn account_key(&self) -> AccountKey {
        AccountKey(match self.method {
            IdentityMethod::Organisation { organisation } => {
                format!("organisation:{organisation}:{}", self.subject)
            }
            IdentityMethod::SuomiFi { .. } => format!("suomifi:{}", self.subject),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_key_parses_exactly_when_it_has_a_sign_ins_form() {
        for method in [
            IdentityMethod::SuomiFi {
                means: PersonalMeans::OnlineBank,
            },
            IdentityMethod::Organisation {
                organisation: "HUS".parse().unwrap(),
            },
        ] {
            let key = Identity {
                subject: "abc-123".into(),
                method,
                first_name: "A".into(),
                last_name: "B".into(),
            }
            .account_key();
            assert_eq!(AccountKey::parse(key.as_str()), Some(key));
        }
        for wrong in [
            "",
            "suomifi:",
            "suomifi: padded",
            "abc-123",
            "google:abc",
            "organisation:abc",
            "organisation:NOPE:abc",
            "organisation:HUS:",
            "suomifi:a\u{7}b",
        ] {
            assert_eq!(AccountKey::parse(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn the_account_key_ignores_the_suomi_fi_means_but_not_the_organisation() {
        let person = |method| Identity {
            subject: "s-1".into(),
            method,
            first_name: "Maija".into(),
            last_name: "Meikäläinen".into(),
        };
        let bank = person(IdentityMethod::SuomiFi {
            means: PersonalMeans::OnlineBank,
        });
        let card = person(IdentityMethod::SuomiFi {
            means: PersonalMeans::SoteCard,
        });
        assert_eq!(bank.account_key(), card.account_key());
        assert_eq!(bank.account_key().as_str(), "suomifi:s-1");
        let hus = person(IdentityMethod::Organisation {
            organisation: "HUS".parse().unwrap(),
        });
        let tyks = person(IdentityMethod::Organisation {
            organisation: "TYKS".parse().unwrap(),
        });
        assert_ne!(hus.account_key(), tyks.account_key());
        assert_ne!(hus.account_key(), bank.account_key());
        assert_eq!(hus.account_key().to_string(), "organisation:HUS:s-1");
    }
}
