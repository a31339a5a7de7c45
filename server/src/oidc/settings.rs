//! Which OpenID Connect provider serves which sign-in method: for each, the issuer and this
//! service's client there. They are part of the clap configuration (`crate::config::Config`),
//! three flags per sign-in method, each with its environment variable:
//!
//! - `--oidc-<key>-issuer`, `MTT_OIDC_<KEY>_ISSUER`: the provider's issuer URL (discovery runs
//!   against it);
//! - `--oidc-<key>-client-id`, `MTT_OIDC_<KEY>_CLIENT_ID`: this service's client id there;
//! - `--oidc-<key>-client-secret`, `MTT_OIDC_<KEY>_CLIENT_SECRET`: and its secret (never
//!   logged, nor shown by `--help`);
//!
//! where `<KEY>` is `SUOMIFI` or the organisation's code in capitals without diacritics (`HUS`,
//! `PAIJATHA`). The flags are made from `SignInProvider::all()`, so every sign-in method has
//! them and no list of methods is kept here. The redirect URI is `<public URL>/auth/callback`.

use crate::oidc::OidcError;
use std::collections::BTreeMap;

use clap::error::ErrorKind;
use clap::{Arg, ArgMatches, Args, Command, FromArgMatches};
use domain::SignInProvider;
use openidconnect::IssuerUrl;

/// One provider's settings.
#[derive(Clone)]
pub struct ProviderSettings {
    /// The issuer URL.
    pub issuer: String,
    /// This service's client id there.
    pub client_id: String,
    /// The client secret (never logged or shown).
    pub client_secret: String,
}

impl std::fmt::Debug for ProviderSettings {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("ProviderSettings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"…")
            .finish()
    }
}

/// The configured providers, keyed by the sign-in provider they serve.
#[derive(Debug, Clone, Default)]
pub struct OidcSettings {
    providers: BTreeMap<String, ProviderSettings>,
}

/// The environment key of a sign-in provider: `SUOMIFI`, `HUS`, `PAIJATHA`.
pub fn env_key(provider: SignInProvider) -> String {
    match provider {
        SignInProvider::SuomiFi => "SUOMIFI".to_owned(),
        SignInProvider::Organisation(code) => code
            .as_str()
            .chars()
            .map(|character| match character {
                'Ä' | 'Å' => 'A',
                'Ö' => 'O',
                other => other,
            })
            .collect(),
    }
}

/// One of a provider's three settings.
#[derive(Debug, Clone, Copy)]
enum Setting {
    Issuer,
    ClientId,
    ClientSecret,
}

impl Setting {
    /// The flag of this setting for the provider with environment key `key`:
    /// `oidc-hus-client-id`.
    fn flag(self, key: &str) -> String {
        let suffix = match self {
            Setting::Issuer => "issuer",
            Setting::ClientId => "client-id",
            Setting::ClientSecret => "client-secret",
        };
        format!("oidc-{}-{suffix}", key.to_ascii_lowercase())
    }

    /// Its environment variable, which is also its clap id: `MTT_OIDC_HUS_CLIENT_ID`.
    fn variable(self, key: &str) -> String {
        let suffix = match self {
            Setting::Issuer => "ISSUER",
            Setting::ClientId => "CLIENT_ID",
            Setting::ClientSecret => "CLIENT_SECRET",
        };
        format!("MTT_OIDC_{key}_{suffix}")
    }

    /// Both, for messages: `--oidc-hus-client-id (MTT_OIDC_HUS_CLIENT_ID)`.
    fn named(self, key: &str) -> String {
        format!("--{} ({})", self.flag(key), self.variable(key))
    }

    /// The clap argument of this setting for `provider`.
    fn arg(self, provider: SignInProvider) -> Arg {
        let key = env_key(provider);
        let method = match provider {
            SignInProvider::SuomiFi => "Suomi.fi identification".to_owned(),
            SignInProvider::Organisation(code) => {
                format!("organisation identification at {}", code.as_str())
            }
        };
        let arg = Arg::new(self.variable(&key))
            .long(self.flag(&key))
            .env(self.variable(&key));
        match self {
            Setting::Issuer => arg.value_name("URL").help(format!(
                "The OpenID Connect provider of {method}: its issuer URL"
            )),
            Setting::ClientId => arg.value_name("ID").help(format!(
                "This service's client id at the provider of {method}"
            )),
            Setting::ClientSecret => arg.value_name("SECRET").hide_env_values(true).help(format!(
                "This service's client secret at the provider of {method} (never shown)"
            )),
        }
    }
}

impl OidcSettings {
    /// The providers as `lookup` gives their settings by environment variable name
    /// (`MTT_OIDC_<KEY>_ISSUER`, …). A provider with an issuer must also have a client id and
    /// secret, and the issuer must be a URL.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<OidcSettings, OidcError> {
        let mut settings = OidcSettings::default();
        for provider in SignInProvider::all() {
            let key = env_key(provider);
            let Some(issuer) = lookup(&Setting::Issuer.variable(&key)) else {
                continue;
            };
            let required = |setting: Setting| {
                lookup(&setting.variable(&key))
                    .filter(|value| !value.is_empty())
                    .ok_or_else(|| OidcError::Incomplete {
                        set: Setting::Issuer.named(&key),
                        missing: setting.named(&key),
                    })
            };
            IssuerUrl::new(issuer.clone()).map_err(|error| OidcError::Issuer {
                issuer: Setting::Issuer.named(&key),
                reason: error.to_string(),
            })?;
            settings.insert(
                provider,
                ProviderSettings {
                    issuer,
                    client_id: required(Setting::ClientId)?,
                    client_secret: required(Setting::ClientSecret)?,
                },
            );
        }
        Ok(settings)
    }

    /// Configures `provider`.
    pub fn insert(&mut self, provider: SignInProvider, settings: ProviderSettings) {
        self.providers.insert(provider.to_string(), settings);
    }

    /// The settings for `provider`, if it is configured.
    pub fn get(&self, provider: SignInProvider) -> Option<&ProviderSettings> {
        self.providers.get(&provider.to_string())
    }

    /// Whether any provider is configured.
    pub fn is_empty(&self) -> bool {
        self.providers.is_empty()
    }
}

/// Three flags per sign-in method (see the module's documentation), flattened into
/// `crate::config::Config`.
impl Args for OidcSettings {
    fn augment_args(command: Command) -> Command {
        let settings = [Setting::Issuer, Setting::ClientId, Setting::ClientSecret];
        SignInProvider::all()
            .flat_map(|provider| settings.map(|setting| setting.arg(provider)))
            .fold(
                command.next_help_heading("OpenID Connect providers"),
                Command::arg,
            )
    }

    fn augment_args_for_update(command: Command) -> Command {
        Self::augment_args(command)
    }
}

/// Reads the flags through [`OidcSettings::from_lookup`]: an incomplete provider is refused
/// when the configuration is parsed, before anything starts.
impl FromArgMatches for OidcSettings {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        Self::from_lookup(|id| matches.try_get_one::<String>(id).ok().flatten().cloned())
            .map_err(|error| clap::Error::raw(ErrorKind::ValueValidation, error.to_string()))
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_has_an_environment_key() {
        let keys: Vec<String> = SignInProvider::all().map(env_key).collect();
        assert!(keys.contains(&"SUOMIFI".to_owned()));
        assert!(keys.contains(&"PAIJATHA".to_owned()));
        assert!(keys.contains(&"HUS".to_owned()));
        assert!(keys.iter().all(|key| key.is_ascii()));
    }

    #[test]
    fn an_issuer_without_its_client_is_refused() {
        let lookup = |name: &str| match name {
            "MTT_OIDC_HUS_ISSUER" => Some("https://login.hus.example".to_owned()),
            "MTT_OIDC_HUS_CLIENT_ID" => Some("mtt".to_owned()),
            _ => None,
        };
        let error = OidcSettings::from_lookup(lookup).unwrap_err();
        assert!(
            matches!(&error, OidcError::Incomplete { missing, .. } if missing.contains("MTT_OIDC_HUS_CLIENT_SECRET")),
            "{error}"
        );
    }

    #[test]
    fn a_complete_provider_is_configured_and_its_secret_is_not_printed() {
        let lookup = |name: &str| match name {
            "MTT_OIDC_SUOMIFI_ISSUER" => Some("https://tunnistus.example".to_owned()),
            "MTT_OIDC_SUOMIFI_CLIENT_ID" => Some("mtt".to_owned()),
            "MTT_OIDC_SUOMIFI_CLIENT_SECRET" => Some("very-secret".to_owned()),
            _ => None,
        };
        let settings = OidcSettings::from_lookup(lookup).unwrap();
        assert!(settings.get(SignInProvider::SuomiFi).is_some());
        assert!(settings.get("organisation:HUS".parse().unwrap()).is_none());
        assert!(!format!("{settings:?}").contains("very-secret"));
    }
}
