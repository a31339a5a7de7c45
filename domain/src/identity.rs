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

    /// A key as it was stored or configured (`suomifi:SUBJECT`, `organisation:CODE:SUBJECT`):
    /// the server's configuration names the first agency officer so, and stored rows carry it.
    /// A signed-in person's key comes from [`Identity::account_key`].
    pub fn from_stored(key: &str) -> AccountKey {
        AccountKey(key.to_owned())
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
