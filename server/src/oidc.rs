//! The relying party of OpenID Connect: the authorization code flow with PKCE (S256), `state`
//! and `nonce`, one identity provider per sign-in method (Suomi.fi, and each organisation that
//! offers organisation identification), configured from the environment:
//!
//! - `MTT_OIDC_<KEY>_ISSUER`: the provider's issuer URL (discovery runs against it);
//! - `MTT_OIDC_<KEY>_CLIENT_ID` and `MTT_OIDC_<KEY>_CLIENT_SECRET`: this service's client;
//!
//! where `<KEY>` is `SUOMIFI` or the organisation's code in capitals without diacritics (`HUS`,
//! `PAIJATHA`). The redirect URI is `<MTT_PUBLIC_URL>/auth/callback`.
//!
//! What the provider vouches for becomes an [`Identity`]: `sub` is the subject, `given_name`
//! and `family_name` the name; for Suomi.fi, the `amr` claim says which means was used, and
//! only the four means of SPEC §1 are accepted. From there, sign-in continues in
//! [`crate::auth::complete_sign_in`], the same code path as the development provider.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use contract::error::SignInFailure;
use domain::{Identity, IdentityMethod};
use domain::{PersonalMeans, SignInProvider};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, LocalizedClaim, Nonce,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse, reqwest,
};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

/// How long discovered provider metadata (endpoints and signing keys) is kept before it is
/// fetched again, so a provider's key rotation reaches us within this time.
const METADATA_LIFETIME: Duration = Duration::from_secs(3600);
/// The longest a call to a provider may take.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

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

/// What the session keeps between sending the user to the provider and their return.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingSignIn {
    provider: String,
    state: String,
    nonce: String,
    pkce_verifier: String,
    /// Where the user wanted to go.
    pub return_to: String,
}

/// The session key of [`PendingSignIn`].
pub const PENDING: &str = "oidc_pending";

/// The relying party: the HTTP client for the providers and their discovered metadata.
#[derive(Clone)]
pub struct Oidc {
    settings: Arc<OidcSettings>,
    redirect_url: RedirectUrl,
    http: reqwest::Client,
    metadata: Arc<Mutex<BTreeMap<String, (Instant, CoreProviderMetadata)>>>,
}

impl Oidc {
    /// The relying party for `settings`, returning users to `public_url`/auth/callback.
    pub fn new(settings: OidcSettings, public_url: &str) -> Result<Oidc, String> {
        let redirect_url = RedirectUrl::new(format!(
            "{}/auth/callback",
            public_url.trim_end_matches('/')
        ))
        .map_err(|error| format!("the public URL {public_url}: {error}"))?;
        // No redirects: a provider's endpoint must not bounce our requests elsewhere (SSRF).
        let http = reqwest::ClientBuilder::new()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(PROVIDER_TIMEOUT)
            .build()
            .map_err(|error| format!("the HTTP client for OpenID Connect: {error}"))?;
        Ok(Oidc {
            settings: Arc::new(settings),
            redirect_url,
            http,
            metadata: Arc::default(),
        })
    }

    /// Whether `provider` signs in through OpenID Connect here.
    pub fn serves(&self, provider: SignInProvider) -> bool {
        self.settings.get(provider).is_some()
    }

    /// The provider's metadata, discovered or cached.
    async fn metadata(&self, provider: SignInProvider) -> Result<CoreProviderMetadata, String> {
        let settings = self
            .settings
            .get(provider)
            .ok_or("the provider is not configured")?;
        let key = provider.to_string();
        let mut cache = self.metadata.lock().await;
        if let Some((fetched, metadata)) = cache.get(&key)
            && fetched.elapsed() < METADATA_LIFETIME
        {
            return Ok(metadata.clone());
        }
        let issuer = IssuerUrl::new(settings.issuer.clone()).map_err(|error| error.to_string())?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|error| format!("discovery at {}: {error}", settings.issuer))?;
        cache.insert(key, (Instant::now(), metadata.clone()));
        Ok(metadata)
    }

    fn client(
        &self,
        provider: SignInProvider,
        metadata: CoreProviderMetadata,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        String,
    > {
        let settings = self
            .settings
            .get(provider)
            .ok_or("the provider is not configured")?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(settings.client_id.clone()),
            Some(ClientSecret::new(settings.client_secret.clone())),
        )
        .set_redirect_uri(self.redirect_url.clone()))
    }

    /// Starts a sign-in at `provider`: the authorization URL to send the user to, and what
    /// the session must keep until they return. Fails when the provider cannot be reached.
    pub async fn begin(
        &self,
        provider: SignInProvider,
        return_to: String,
    ) -> Result<(String, PendingSignIn), String> {
        let client = self.client(provider, self.metadata(provider).await?)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        Ok((
            url.to_string(),
            PendingSignIn {
                provider: provider.to_string(),
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.secret().clone(),
                return_to,
            },
        ))
    }

    /// Finishes a sign-in: checks `state`, exchanges `code` with the PKCE verifier, verifies
    /// the ID token (signature, issuer, audience, expiry, nonce) and reads the identity.
    pub async fn finish(
        &self,
        pending: &PendingSignIn,
        state: &str,
        code: &str,
    ) -> Result<Identity, SignInFailure> {
        if !constant_time_eq(pending.state.as_bytes(), state.as_bytes()) {
            return Err(SignInFailure::Expired);
        }
        let provider: SignInProvider = pending
            .provider
            .parse()
            .map_err(|_| SignInFailure::Expired)?;
        let failed = |what: &str, error: &dyn std::fmt::Display| {
            tracing::warn!("OpenID Connect sign-in at {provider}: {what}: {error}");
            SignInFailure::Failed
        };
        let metadata = self
            .metadata(provider)
            .await
            .map_err(|error| failed("metadata", &error))?;
        let client = self
            .client(provider, metadata)
            .map_err(|error| failed("client", &error))?;
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|error| failed("token endpoint", &error))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|error| failed("token exchange", &error))?;
        let id_token = response
            .id_token()
            .ok_or_else(|| failed("token response", &"no ID token"))?;
        let claims = id_token
            .claims(
                &client.id_token_verifier(),
                &Nonce::new(pending.nonce.clone()),
            )
            .map_err(|error| failed("ID token", &error))?;
        let first_name =
            name_claim(claims.given_name()).ok_or_else(|| failed("claims", &"no given_name"))?;
        let last_name =
            name_claim(claims.family_name()).ok_or_else(|| failed("claims", &"no family_name"))?;
        let method = match provider {
            SignInProvider::Organisation(organisation) => {
                IdentityMethod::Organisation { organisation }
            }
            SignInProvider::SuomiFi => {
                let means = claims
                    .auth_method_refs()
                    .into_iter()
                    .flatten()
                    .find_map(|reference| means_of(reference.as_str()))
                    .ok_or(SignInFailure::MeansNotAccepted)?;
                IdentityMethod::SuomiFi { means }
            }
        };
        Ok(Identity {
            subject: claims.subject().to_string(),
            method,
            first_name,
            last_name,
        })
    }
}

/// The Suomi.fi means an `amr` value names: this service's codes, and the names the
/// identification broker uses for them.
pub fn means_of(reference: &str) -> Option<PersonalMeans> {
    match reference.to_ascii_lowercase().as_str() {
        "sote_card" | "sote-kortti" | "sotekortti" => Some(PersonalMeans::SoteCard),
        "vrk_card" | "vrk-kortti" | "hst" | "fineid" => Some(PersonalMeans::VrkCard),
        "online_bank" | "tupas" | "bank" | "ftn" => Some(PersonalMeans::OnlineBank),
        "mobile_certificate" | "mobiilivarmenne" | "mpki" => Some(PersonalMeans::MobileCertificate),
        _ => None,
    }
}

fn constant_time_eq(left: &[u8], right: &[u8]) -> bool {
    left.len() == right.len()
        && left
            .iter()
            .zip(right)
            .fold(0u8, |difference, (a, b)| difference | (a ^ b))
            == 0
}

/// A name claim in its default language, unless it is missing or blank.
fn name_claim<T>(claim: Option<&LocalizedClaim<T>>) -> Option<String>
where
    T: std::ops::Deref<Target = String>,
{
    claim
        .and_then(|names| names.get(None))
        .map(|name| name.to_string())
        .filter(|name| !name.trim().is_empty())
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

    #[test]
    fn only_the_four_means_are_accepted() {
        assert_eq!(means_of("sote_card"), Some(PersonalMeans::SoteCard));
        assert_eq!(means_of("HST"), Some(PersonalMeans::VrkCard));
        assert_eq!(means_of("tupas"), Some(PersonalMeans::OnlineBank));
        assert_eq!(
            means_of("mobiilivarmenne"),
            Some(PersonalMeans::MobileCertificate)
        );
        assert_eq!(means_of("pwd"), None);
        assert_eq!(means_of(""), None);
    }

    #[test]
    fn state_comparison_needs_equal_bytes() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
