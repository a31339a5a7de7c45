//! The sign-in guide as the pages show it: the guide in its box, which keeps the page's
//! layout the same on every page that has it.

use leptos::prelude::*;

use crate::components::workplace_guide::WorkplaceGuide;

/// The guide in its box.
#[component]
pub fn SignInGuide() -> impl IntoView {
    view! {
        <div class="app-sign-in-guide">
            <WorkplaceGuide />
        </div>
    }
}
