//! The footer of every page: the links to the accessibility statement and the privacy notice,
//! which every Finnish public e-service has (SPEC §6).

use leptos::prelude::*;

use crate::Page;
use crate::i18n::{Text, use_i18n};

/// The page footer (the `contentinfo` landmark).
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="app-footer">
            <nav class="app-footer__inner" aria-label=i18n.t(Text::FooterLabel)>
                <ul class="app-footer__links">
                    <li>
                        <a href=Page::AccessibilityStatement.path()>
                            {i18n.t(Text::AccessibilityStatementLink)}
                        </a>
                    </li>
                    <li>
                        <a href=Page::PrivacyNotice.path()>{i18n.t(Text::PrivacyNoticeLink)}</a>
                    </li>
                </ul>
            </nav>
        </footer>
    }
}
