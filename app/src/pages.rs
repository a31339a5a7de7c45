//! One module per route.

pub mod accessibility;
pub mod content;
pub mod gate;
pub mod home;
pub mod identification;
pub mod not_found;
pub mod privacy;
pub mod profile;
pub mod registration;
pub mod settings;
