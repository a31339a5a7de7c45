//! Components shared by the pages.

pub mod account_menu;
pub mod footer;
pub mod language_switch;
pub mod layout;
pub mod operator_facts;
pub mod organisation_picker;
pub mod profile_form;
pub mod registration_form;
pub mod session_timeout;
pub mod sign_in_guide;
pub mod workplace_guide;
