//! The contract between the app and the server: the app's and the API's paths, every request
//! and response body, the CSRF header, the URL encoding of the links both write, and one
//! [`ErrorCode`] for every refusal. The app and the server both build against this crate, so
//! they cannot drift: renaming a variant here breaks both builds.
//!
//! The rules themselves are `domain`'s; this crate only says how they travel. Its `openapi`
//! feature adds the OpenAPI schemas, for the server's generated document only.
#![forbid(unsafe_code)]

pub mod admin;
pub mod body;
pub mod error;
pub mod links;
pub mod paths;

pub use error::{ErrorBody, ErrorCode, read_area_codes};

/// The header the app sends with every state-changing API request; the server refuses such a
/// request without it (its CSRF guard, with the Origin check).
pub const CSRF_HEADER: &str = "x-mtt-csrf";
