//! The page for an address the app has no route for.

use leptos::prelude::*;

use crate::Page;
use crate::i18n::{Text, use_i18n, use_page_title};

/// "Page not found", with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Text::NotFoundTitle);
    view! {
        <h1>{i18n.t(Text::NotFoundTitle)}</h1>
        <p>{i18n.t(Text::NotFoundBody)}</p>
        <p>
            <a href=Page::Home.path()>{i18n.t(Text::BackToFront)}</a>
        </p>
    }
}
