//! The page for an address of the area that has no page.

use contract::paths;
use leptos::prelude::*;

use crate::i18n::{Text, t, use_title};

/// "Page not found", with the way to the area's front page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_title(Text::NotFoundTitle, Signal::derive(|| false));
    view! {
        <h1>{t(Text::NotFoundTitle)}</h1>
        <p>{t(Text::NotFoundBody)}</p>
        <p>
            <a href=paths::admin::HOME>{t(Text::BackToAreaFront)}</a>
        </p>
    }
}
