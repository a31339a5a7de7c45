//! The professionals' section as a Leptos client-side-rendered app.
//!
//! [`App`] sets up the language context and the routes; pages live in `pages/`, reusable
//! components in `components/`, the HTTP client in `api`, and every visible string in `i18n`.

pub mod api;
pub mod components;
pub mod fetched;
pub mod form;
pub mod i18n;
pub mod messages;
pub mod pages;
pub mod session;

use contract::paths;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::Layout;
use crate::i18n::provide_i18n;
use crate::pages::accessibility::AccessibilityStatementPage;
use crate::pages::content::ContentPage;
use crate::pages::home::HomePage;
use crate::pages::identification::IdentificationPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::privacy::PrivacyNoticePage;
use crate::pages::profile::ProfilePage;
use crate::pages::registration::RegistrationPage;
use crate::pages::settings::SettingsPage;
use crate::session::provide_session;

/// Every route of the app. The strings live in `contract::paths`, which the server's redirects
/// after sign-in share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The front page of the professionals' section, with the sign-in guide.
    Home,
    /// The identification step: role, method, organisation.
    Identification,
    /// The registration form, once per identity.
    Registration,
    /// The profile form, once.
    Profile,
    /// The professionals' section: the content the user's group may see.
    Content,
    /// "Omat tiedot": editing the registration and the profile.
    Settings,
    /// The accessibility statement (public).
    AccessibilityStatement,
    /// The privacy notice (public).
    PrivacyNotice,
}

impl Page {
    /// The route's path.
    pub fn path(self) -> &'static str {
        match self {
            Page::Home => paths::HOME,
            Page::Identification => paths::IDENTIFICATION,
            Page::Registration => paths::REGISTRATION,
            Page::Profile => paths::PROFILE,
            Page::Content => paths::SECTION,
            Page::Settings => paths::SETTINGS,
            Page::AccessibilityStatement => paths::ACCESSIBILITY_STATEMENT,
            Page::PrivacyNotice => paths::PRIVACY_NOTICE,
        }
    }
}

/// The whole app: language context, layout and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/tunnistautuminen") view=IdentificationPage />
                    <Route path=path!("/rekisteroityminen") view=RegistrationPage />
                    <Route path=path!("/profiili") view=ProfilePage />
                    <Route path=path!("/osio") view=ContentPage />
                    <Route path=path!("/omat-tiedot") view=SettingsPage />
                    <Route path=path!("/saavutettavuusseloste") view=AccessibilityStatementPage />
                    <Route path=path!("/tietosuojaseloste") view=PrivacyNoticePage />
                </Routes>
            </Layout>
        </Router>
    }
}
