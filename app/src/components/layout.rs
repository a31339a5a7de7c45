//! The frame of every page: skip link, header with the service name and the language switch,
//! the main landmark that receives the page, and the footer.

use leptos::prelude::*;

use crate::Page;
use crate::components::account_menu::AccountMenu;
use crate::components::footer::Footer;
use crate::components::language_switch::LanguageSwitch;
use crate::components::session_timeout::SessionTimeout;
use crate::i18n::{Text, use_i18n};

/// The page frame around the routed content.
#[component]
pub fn Layout(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="app-skip-link" href="#main">{i18n.t(Text::SkipToContent)}</a>
        <header class="app-header">
            <div class="app-header__inner">
                <a class="app-header__brand" href=Page::Home.path()>
                    <span class="app-header__service">{i18n.t(Text::ServiceName)}</span>
                    <span class="app-header__section">{i18n.t(Text::SectionTitle)}</span>
                </a>
                <div class="app-header__tools">
                    <LanguageSwitch />
                    <AccountMenu />
                </div>
            </div>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
        <Footer />
        <SessionTimeout />
    }
}
