//! What the flow's pages show before their form: loading, a sign-in link for a signed-out
//! user (returning here), or the way to the step the account needs first or has done already.

use contract::paths;
use leptos::prelude::*;

use crate::i18n::{Text, use_i18n};
use crate::session::{AccountState, use_session};

/// Which step of the flow a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The registration: for a signed-in user without one.
    Registration,
    /// The profile: for a registered user without one.
    Profile,
    /// Settings: for a signed-in user with a registration.
    Settings,
}

/// Shows `ready` (given the user's name) when the account is at `step`, else the way on.
#[component]
pub fn AccountGate<V: IntoView + 'static>(
    /// The page's step.
    step: Step,
    /// The page's path, for the sign-in link's return.
    here: &'static str,
    /// The page's content for an account at this step.
    ready: impl Fn(String) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_session().account_state();
    let link = move |href: String, text: Text| {
        view! {
            <p>
                <a href=href>{i18n.t(text)}</a>
            </p>
        }
        .into_any()
    };
    move || match state.get() {
        AccountState::Loading => view! { <p>{i18n.t(Text::Loading)}</p> }.into_any(),
        AccountState::SignedOut => link(
            contract::links::identification_path(here),
            Text::SignInToContinue,
        ),
        AccountState::SignedIn {
            registered: true, ..
        } if step == Step::Registration => view! {
            <div class="app-alert app-alert--info">
                <p>{i18n.t(Text::AlreadyRegisteredShort)}</p>
                <p>
                    <a href=paths::SETTINGS>{i18n.t(Text::GoToSettings)}</a>
                </p>
            </div>
        }
        .into_any(),
        AccountState::SignedIn {
            registered: false, ..
        } if step != Step::Registration => view! {
            <div class="app-alert app-alert--info">
                <p>{i18n.t(Text::RegisterFirst)}</p>
                <p>
                    <a href=paths::REGISTRATION>{i18n.t(Text::GoToRegistration)}</a>
                </p>
            </div>
        }
        .into_any(),
        AccountState::SignedIn { profiled: true, .. } if step == Step::Profile => view! {
            <div class="app-alert app-alert--info">
                <p>{i18n.t(Text::AlreadyProfiled)}</p>
                <p>
                    <a href=paths::SETTINGS>{i18n.t(Text::GoToSettings)}</a>
                </p>
            </div>
        }
        .into_any(),
        AccountState::SignedIn { name, .. } => ready(name).into_any(),
    }
}
