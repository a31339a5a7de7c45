//! [`Oidc`], the relying party's side of the providers: the HTTP client (no redirects, a
//! timeout), each provider's metadata discovered at its issuer and kept for an hour (so a key
//! rotation reaches us within that time), and the `openidconnect` client made from it.

use crate::oidc::OidcError;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use domain::SignInProvider;
use openidconnect::core::{CoreClient, CoreProviderMetadata};
use openidconnect::{ClientId, ClientSecret, IssuerUrl, RedirectUrl, reqwest};
use tokio::sync::Mutex;

use super::OidcSettings;

/// How long discovered provider metadata (endpoints and signing keys) is kept before it is
/// fetched again, so a provider's key rotation reaches us within this time.
const METADATA_LIFETIME: Duration = Duration::from_secs(3600);
/// The longest a call to a provider may take.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// The relying party: the HTTP client for the providers and their discovered metadata.
#[derive(Clone)]
pub struct Oidc {
    settings: Arc<OidcSettings>,
    redirect_url: RedirectUrl,
    pub(super) http: reqwest::Client,
    metadata: Arc<Mutex<BTreeMap<String, (Instant, CoreProviderMetadata)>>>,
}

impl Oidc {
    /// The relying party for `settings`, returning users to `public_url`/auth/callback.
    pub fn new(settings: OidcSettings, public_url: &str) -> Result<Oidc, OidcError> {
        let redirect_url = RedirectUrl::new(format!(
            "{}/auth/callback",
            public_url.trim_end_matches('/')
        ))
        .map_err(|error| OidcError::PublicUrl {
            url: public_url.to_owned(),
            reason: error.to_string(),
        })?;
        // No redirects: a provider's endpoint must not bounce our requests elsewhere (SSRF).
        let http = reqwest::ClientBuilder::new()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(PROVIDER_TIMEOUT)
            .build()
            .map_err(|error| OidcError::HttpClient(error.to_string()))?;
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
    pub(super) async fn metadata(
        &self,
        provider: SignInProvider,
    ) -> Result<CoreProviderMetadata, OidcError> {
        let settings = self
            .settings
            .get(provider)
            .ok_or(OidcError::NotConfigured)?;
        let key = provider.to_string();
        let mut cache = self.metadata.lock().await;
        if let Some((fetched, metadata)) = cache.get(&key)
            && fetched.elapsed() < METADATA_LIFETIME
        {
            return Ok(metadata.clone());
        }
        let issuer =
            IssuerUrl::new(settings.issuer.clone()).map_err(|error| OidcError::Issuer {
                issuer: settings.issuer.clone(),
                reason: error.to_string(),
            })?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|error| OidcError::Discovery {
                issuer: settings.issuer.clone(),
                reason: error.to_string(),
            })?;
        cache.insert(key, (Instant::now(), metadata.clone()));
        Ok(metadata)
    }

    pub(super) fn client(
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
        OidcError,
    > {
        let settings = self
            .settings
            .get(provider)
            .ok_or(OidcError::NotConfigured)?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(settings.client_id.clone()),
            Some(ClientSecret::new(settings.client_secret.clone())),
        )
        .set_redirect_uri(self.redirect_url.clone()))
    }
}
