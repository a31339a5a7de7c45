//! The front page of the professionals' section: what it is and which sign-in method to use.

use leptos::prelude::*;

use crate::components::sign_in_guide::SignInGuide;
use crate::i18n::{Text, use_i18n, use_page_title};

/// The front page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Text::SectionTitle);
    view! {
        <h1>{i18n.t(Text::SectionTitle)}</h1>
        <SignInGuide />
    }
}
