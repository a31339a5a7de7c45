//! Which OpenID Connect provider serves which sign-in method: for each, the issuer and this
//! service's client there. `<KEY>` is `SUOMIFI` or the organisation's code in capitals without
//! diacritics (`HUS`, `PAIJATHA`).

use std::collections::BTreeMap;

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

impl OidcSettings {
    /// Reads `MTT_OIDC_<KEY>_*` for every sign-in provider. A provider with an issuer must
    /// also have a client id and secret.
    pub fn from_env() -> Result<OidcSettings, String> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// As [`OidcSettings::from_env`], with `lookup` in place of the environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<OidcSettings, String> {
        let mut settings = OidcSettings::default();
        for provider in SignInProvider::all() {
            let key = env_key(provider);
            let Some(issuer) = lookup(&format!("MTT_OIDC_{key}_ISSUER")) else {
                continue;
            };
            let required = |suffix: &str| {
                lookup(&format!("MTT_OIDC_{key}_{suffix}"))
                    .filter(|value| !value.is_empty())
                    .ok_or_else(|| {
                        format!("MTT_OIDC_{key}_ISSUER is set but MTT_OIDC_{key}_{suffix} is not")
                    })
            };
            IssuerUrl::new(issuer.clone())
                .map_err(|error| format!("MTT_OIDC_{key}_ISSUER: {error}"))?;
            settings.insert(
                provider,
                ProviderSettings {
                    issuer,
                    client_id: required("CLIENT_ID")?,
                    client_secret: required("CLIENT_SECRET")?,
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
        assert!(error.contains("MTT_OIDC_HUS_CLIENT_SECRET"), "{error}");
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
