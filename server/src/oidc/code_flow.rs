//! The authorization code flow: [`Oidc::begin`] makes the authorization URL (PKCE, `state`,
//! `nonce`) and what the session keeps meanwhile; [`Oidc::finish`] checks `state`, exchanges
//! the code, verifies the ID token and reads the identity from its claims.

use crate::oidc::OidcError;
use domain::{Identity, IdentityMethod, PersonalMeans, SignInProvider};
use openidconnect::core::CoreAuthenticationFlow;
use openidconnect::{
    AuthorizationCode, CsrfToken, LocalizedClaim, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    Scope, TokenResponse,
};
use serde::{Deserialize, Serialize};

use super::{Oidc, SignInFailure};

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

impl Oidc {
    /// Starts a sign-in at `provider`: the authorization URL to send the user to, and what
    /// the session must keep until they return. Fails when the provider cannot be reached.
    pub async fn begin(
        &self,
        provider: SignInProvider,
        return_to: String,
    ) -> Result<(String, PendingSignIn), OidcError> {
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
