//! The registration-point administration (SPEC §5) as a Leptos client-side-rendered app of its
//! own: built by trunk from `admin.html` into `dist/hallinta/`, served under `/hallinta`, so
//! that none of its code is part of what a professional's browser downloads.
//!
//! It shares the professionals' app's look, language choice, session, HTTP client and form
//! machinery (the `app` library); its own strings are in `admin/locales/`. Every right is the
//! server's to decide: the pages show what `GET /api/admin/me` says the person is, and any
//! refusal the server answers with its code.

pub mod api;
pub mod i18n;
pub mod messages;
pub mod paged;
pub mod pages;
pub mod widgets;

use contract::admin::AdminMe;
use contract::paths;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::i18n::{Text, t};
use crate::pages::account::AccountPage;
use crate::pages::accounts::AccountsPage;
use crate::pages::audit::AuditPage;
use crate::pages::contracts::ContractsPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::point_orders::PointOrdersPage;
use crate::pages::print::ContractPrintPage;

/// What the signed-in person is in the area, loaded once per page load and again after a
/// change that alters it (accepting an invitation).
#[derive(Debug, Clone, Copy)]
pub struct MeContext {
    /// `None` while loading; then the answer (`Err` with `unauthenticated` when signed out).
    pub me: RwSignal<Option<Result<AdminMe, app::api::ApiError>>>,
}

impl MeContext {
    /// Asks the server again.
    pub fn reload(self) {
        leptos::task::spawn_local(async move {
            let answer = api::me().await;
            self.me.set(Some(answer));
        });
    }
}

/// The context of [`MeContext`].
pub fn use_me() -> MeContext {
    expect_context::<MeContext>()
}

/// The whole area: language, session, who the person is, layout and routes.
#[component]
pub fn AdminApp() -> impl IntoView {
    app::i18n::provide_i18n();
    app::session::provide_session();
    app::messages::set_area_messages(messages::field_error);
    contract::read_area_codes();
    let me = MeContext {
        me: RwSignal::new(None),
    };
    me.reload();
    provide_context(me);
    view! {
        <Router>
            <AdminLayout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/hallinta") view=HomePage />
                    <Route path=path!("/hallinta/asiakkuudet") view=AccountsPage />
                    <Route path=path!("/hallinta/asiakkuudet/:account") view=AccountPage />
                    <Route
                        path=path!("/hallinta/asiakkuudet/:account/sopimukset/:contract")
                        view=ContractPrintPage
                    />
                    <Route path=path!("/hallinta/sopimukset") view=ContractsPage />
                    <Route path=path!("/hallinta/rekisterointipistetilaukset") view=PointOrdersPage />
                    <Route path=path!("/hallinta/muutosloki") view=AuditPage />
                    <Route path=path!("/hallinta/kutsu") view=pages::invitation::InvitationPage />
                    <Route
                        path=path!("/hallinta/asiakkuudet/:account/sopimukset/:contract/rekisteroijahakemus")
                        view=pages::registrar_application::RegistrarApplicationPage
                    />
                    <Route
                        path=path!("/hallinta/rekisteroijahakemukset")
                        view=pages::registrar_applications::RegistrarApplicationsPage
                    />
                    <Route
                        path=path!("/hallinta/rekisterointipisteet/:point")
                        view=pages::registrar_point::RegistrarPointPage
                    />
                    <Route path=path!("/hallinta/henkilotiedot") view=pages::contact::ContactPage />
                    <Route path=path!("/hallinta/vahvista-sahkoposti") view=pages::contact::ConfirmContactPage />
                    <Route path=path!("/hallinta/tiedotteet") view=pages::notices::NoticesPage />
                </Routes>
            </AdminLayout>
        </Router>
    }
}

/// The frame of the area's pages: the professionals' look, the area's name, the language
/// switch and sign-out; links out of the area load the professionals' app (`rel="external"`,
/// so this app's router does not take them).
#[component]
fn AdminLayout(children: Children) -> impl IntoView {
    let session = app::session::use_session();
    let signed_in = move || session.session.with(Option::is_some);
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            if session.sign_out().await.is_ok() {
                let _ = window().location().set_href(paths::HOME);
            }
        });
    };
    let app_text = |text: app::i18n::Text| app::i18n::use_i18n().t(text);
    view! {
        <a class="app-skip-link" href="#main" rel="external">{app_text(app::i18n::Text::SkipToContent)}</a>
        <header class="app-header">
            <div class="app-header__inner">
                <a class="app-header__brand" href=paths::admin::HOME>
                    <span class="app-header__service">{app_text(app::i18n::Text::ServiceName)}</span>
                    <span class="app-header__section">{t(Text::AreaName)}</span>
                </a>
                <div class="app-header__tools">
                    <app::components::language_switch::LanguageSwitch />
                    <Show when=signed_in>
                        <button type="button" class="app-button" on:click=sign_out>
                            {app_text(app::i18n::Text::SignOut)}
                        </button>
                    </Show>
                </div>
            </div>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
        <footer class="app-footer admin-no-print">
            <nav class="app-footer__inner" aria-label=app_text(app::i18n::Text::FooterLabel)>
                <ul class="app-footer__links">
                    <li>
                        <a href=paths::ACCESSIBILITY_STATEMENT rel="external">
                            {app_text(app::i18n::Text::AccessibilityStatementLink)}
                        </a>
                    </li>
                    <li>
                        <a href=paths::PRIVACY_NOTICE rel="external">
                            {app_text(app::i18n::Text::PrivacyNoticeLink)}
                        </a>
                    </li>
                </ul>
            </nav>
        </footer>
    }
}
