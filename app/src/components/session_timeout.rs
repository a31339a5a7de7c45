//! The inactivity warning (SPEC §6, WCAG 2.2.1): a signed-in session ends on the server after
//! `idle_minutes` without requests. Three minutes before the app expects that, a modal dialog
//! says so and offers to continue (one request renews the session) or to sign out. If the time
//! runs out, the dialog says the session ended and offers sign-in back to the same page; every
//! form's draft stays in `sessionStorage`, so nothing typed is lost.
//!
//! The server renews the idle time at most once a minute, so the app counts from its last
//! answer and calls the session ended one minute early rather than late.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api;
use crate::i18n::{Text, use_i18n};
use crate::session::use_session;

/// How long before the expected end the warning comes.
const WARN_BEFORE_MS: f64 = 3.0 * 60_000.0;
/// How much earlier than the app's own count the server may end the session.
const SERVER_MARGIN_MS: f64 = 60_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Active,
    Warning,
    Ended,
}

/// The dialog, mounted once in the layout; it does nothing while nobody is signed in.
#[component]
pub fn SessionTimeout() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let phase = RwSignal::new(Phase::Active);
    let dialog = NodeRef::<leptos::html::Dialog>::new();

    let check = move || {
        let Some(idle_minutes) = session
            .session
            .with_untracked(|session| session.as_ref().map(|session| session.idle_minutes))
        else {
            return;
        };
        let end = f64::from(idle_minutes) * 60_000.0 - SERVER_MARGIN_MS;
        let quiet = js_sys::Date::now() - api::last_contact();
        let next = if quiet >= end {
            Phase::Ended
        } else if quiet >= end - WARN_BEFORE_MS {
            Phase::Warning
        } else {
            Phase::Active
        };
        if phase.get_untracked() != Phase::Ended && next != phase.get_untracked() {
            phase.set(next);
        }
    };
    if let Ok(handle) = set_interval_with_handle(check, Duration::from_secs(5)) {
        on_cleanup(move || handle.clear());
    }

    // The session is over as far as this tab knows: forget it (the drafts stay).
    Effect::new(move |_| {
        if phase.get() == Phase::Ended {
            session.session.set(None);
        }
    });
    Effect::new(move |_| {
        let shown = phase.get() != Phase::Active;
        if let Some(dialog) = dialog.get() {
            if shown && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !shown && dialog.open() {
                dialog.close();
            }
        }
    });

    let keep_going = move || {
        leptos::task::spawn_local(async move {
            session.refresh().await;
            phase.set(if session.session.with_untracked(Option::is_some) {
                Phase::Active
            } else {
                Phase::Ended
            });
        });
    };
    let sign_out = move || {
        leptos::task::spawn_local(async move {
            let _ = session.sign_out().await;
            phase.set(Phase::Active);
        });
    };
    let sign_in_again = move || contract::links::identification_path(&location.pathname.get());

    view! {
        <dialog
            class="app-dialog"
            node_ref=dialog
            aria-labelledby="session-timeout-title"
            aria-describedby="session-timeout-body"
            on:cancel=move |event: leptos::ev::Event| {
                // Escape while warned means "continue"; after the end it only closes.
                if phase.get_untracked() == Phase::Warning {
                    event.prevent_default();
                    keep_going();
                } else {
                    phase.set(Phase::Active);
                }
            }
        >
            {move || match phase.get() {
                Phase::Ended => {
                    view! {
                        <h2 id="session-timeout-title">{i18n.t(Text::SessionEndedTitle)}</h2>
                        <p id="session-timeout-body">{i18n.t(Text::SessionEndedBody)}</p>
                        <p class="app-dialog__actions">
                            <a
                                class="app-button app-button--primary"
                                href=sign_in_again
                                on:click=move |_| phase.set(Phase::Active)
                            >
                                {i18n.t(Text::SignInAgain)}
                            </a>
                        </p>
                    }
                        .into_any()
                }
                _ => {
                    view! {
                        <h2 id="session-timeout-title">{i18n.t(Text::SessionEndingTitle)}</h2>
                        <p id="session-timeout-body">{i18n.t(Text::SessionEndingBody)}</p>
                        <p class="app-dialog__actions">
                            <button
                                type="button"
                                class="app-button app-button--primary"
                                autofocus=true
                                on:click=move |_| keep_going()
                            >
                                {i18n.t(Text::SessionContinue)}
                            </button>
                            <button type="button" class="app-button" on:click=move |_| sign_out()>
                                {i18n.t(Text::SignOut)}
                            </button>
                        </p>
                    }
                        .into_any()
                }
            }}
        </dialog>
    }
}
