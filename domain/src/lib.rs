//! The rules of the professionals' section, its reference data and the wire types shared by the
//! app and the server.
//!
//! This crate is pure Rust: it depends on no web, server or runtime crate, so it compiles for
//! `wasm32-unknown-unknown` and natively and gives the same verdict on both. It holds no
//! user-facing text for errors: every error is a code, and the app translates codes.
#![forbid(unsafe_code)]

pub mod content;
pub mod cooperation;
pub mod email;
pub mod localised;
pub mod organisation;
pub mod phone;
pub mod profession;
pub mod reference;
pub mod registration;
pub mod search;
pub mod sign_in;
pub mod vectors;
pub mod wire;

pub use email::{Email, EmailError};
pub use localised::{Language, Localised};
pub use organisation::{Organisation, OrganisationCode, OrganisationCodeError, OrganisationGroup};
pub use phone::{PhoneNumber, PhoneNumberError};
pub use sign_in::{PersonalMeans, SignInMethod};
