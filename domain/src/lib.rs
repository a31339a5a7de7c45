//! The rules of the professionals' section and of the registration-point administration, and
//! their reference data.
//!
//! This crate is pure Rust: it depends on no web, server or runtime crate, so it compiles for
//! `wasm32-unknown-unknown` and natively and gives the same verdict on both. It holds no
//! user-facing text for errors: every error is a typed value with a stable code, and the app
//! translates them. What travels over HTTP (paths, bodies, request-level error codes) is the
//! `contract` crate's.
#![forbid(unsafe_code)]

/// For a type that holds a checked value and has `as_str()` (its stored form) and `FromStr`
/// (the rule): `Display` and `Serialize` as that text, and `TryFrom<String>` and `Deserialize`
/// through the rule, so a value read from the wire or the database passes the rule again.
#[macro_export]
macro_rules! text_form {
    ($type:ty) => {
        impl ::std::fmt::Display for $type {
            fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                formatter.write_str(self.as_str())
            }
        }

        impl ::std::convert::TryFrom<String> for $type {
            type Error = <$type as ::std::str::FromStr>::Err;

            fn try_from(text: String) -> Result<Self, Self::Error> {
                text.parse()
            }
        }

        impl ::serde::Serialize for $type {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $type {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let text = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub mod administration;
pub mod content;
pub mod cooperation;
pub mod date;
pub mod email;
pub mod fields;
pub mod identity;
pub mod localised;
#[cfg(feature = "openapi")]
mod openapi;
pub mod organisation;
pub mod phone;
pub mod privacy;
pub mod profession;
pub mod reference;
pub mod registration;
pub mod search;
pub mod sign_in;
pub mod vectors;

pub use date::{CalendarDate, DateError};
pub use email::{Email, EmailError};
pub use fields::{Field, FieldError, FieldErrors};
pub use identity::{AccountKey, Identity, IdentityMethod};
pub use localised::{Language, Localised};
pub use organisation::{Organisation, OrganisationCode, OrganisationCodeError, OrganisationGroup};
pub use phone::{PhoneNumber, PhoneNumberError};
pub use sign_in::{
    AccountProgress, FlowStep, PersonalMeans, SignInMethod, SignInProvider, safe_return_path,
};
