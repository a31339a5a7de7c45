//! The professionals' section as a Leptos client-side-rendered app.
//!
//! [`App`] sets up the language context and the routes; pages live in `pages/`, reusable
//! components in `components/`, the HTTP client in `api`, and every visible string in `i18n`.

pub mod api;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod session;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::Layout;
use crate::i18n::provide_i18n;
use crate::pages::content::ContentPage;
use crate::pages::home::HomePage;
use crate::pages::identification::IdentificationPage;
use crate::pages::not_found::NotFoundPage;
use crate::session::provide_session;

/// Every route of the app. [`Page::path`] is the one place a route string is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The front page of the professionals' section, with the sign-in guide.
    Home,
    /// The identification step: role, method, organisation.
    Identification,
    /// The professionals' section: the content the user's group may see.
    Content,
}

impl Page {
    /// The route's path.
    pub fn path(self) -> &'static str {
        match self {
            Page::Home => "/",
            Page::Identification => "/tunnistautuminen",
            Page::Content => "/osio",
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
                    <Route path=path!("/osio") view=ContentPage />
                </Routes>
            </Layout>
        </Router>
    }
}
