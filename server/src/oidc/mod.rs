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
