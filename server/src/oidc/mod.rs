//! The relying party of OpenID Connect: the authorization code flow with PKCE (S256), `state`
//! and `nonce`, one identity provider per sign-in method (Suomi.fi, and each organisation that
//! offers organisation identification).
//!
//! - [`settings`]: which provider serves which method, from the configuration;
//! - [`discovery`]: [`Oidc`], the HTTP client for the providers and their discovered metadata,
//!   kept for an hour;
//! - [`code_flow`]: the authorization URL, and on the user's return the code exchange and the
//!   ID token's checks.
//!
//! What the provider vouches for becomes a [`domain::Identity`]: `sub` is the identity's
//! subject, `given_name` and `family_name` the name; for Suomi.fi, the `amr` claim says which
//! means was used, and only the four means of SPEC §1 are accepted. From there, sign-in
//! continues in [`crate::auth::complete_sign_in`], the same code path as the development
//! provider.

pub mod code_flow;
pub mod discovery;
pub mod settings;

pub use code_flow::{PENDING, PendingSignIn, means_of};
pub use contract::error::SignInFailure;
pub use discovery::Oidc;

pub use settings::{OidcSettings, ProviderSettings, env_key};

/// Why the relying party could not be made, or a sign-in could not begin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OidcError {
    /// The public URL does not make a redirect URL.
    #[error("the public URL {url}: {reason}")]
    PublicUrl {
        /// The configured public URL.
        url: String,
        /// Why it is no URL.
        reason: String,
    },
    /// The HTTP client could not be built.
    #[error("the HTTP client for OpenID Connect: {0}")]
    HttpClient(String),
    /// The sign-in method has no provider here.
    #[error("the provider is not configured")]
    NotConfigured,
    /// The configured issuer is no URL.
    #[error("the issuer {issuer}: {reason}")]
    Issuer {
        /// The configured issuer.
        issuer: String,
        /// Why it is no URL.
        reason: String,
    },
    /// The provider's metadata could not be discovered.
    #[error("discovery at {issuer}: {reason}")]
    Discovery {
        /// The provider's issuer.
        issuer: String,
        /// What failed.
        reason: String,
    },
    /// A provider's settings are incomplete: `set` is given but `missing` is not.
    #[error("{set} is set but {missing} is not")]
    Incomplete {
        /// The flag and variable that is set.
        set: String,
        /// The flag and variable that is missing.
        missing: String,
    },
}
