//! One module per route.

pub mod content;
pub mod home;
pub mod identification;
pub mod not_found;
