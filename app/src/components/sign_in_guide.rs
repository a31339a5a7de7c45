//! The sign-in guide as the pages show it: the organisation catalogue fetched from
//! `GET /api/reference`, a loading line meanwhile, and a retry where the fetch failed. The box
//! keeps its height while loading, so nothing below it jumps.

use leptos::prelude::*;

use crate::api;
use crate::components::workplace_guide::WorkplaceGuide;
use crate::fetched::Fetched;
use crate::i18n::{Text, use_i18n};

/// The guide with its catalogue fetched from the server.
#[component]
pub fn SignInGuide() -> impl IntoView {
    let i18n = use_i18n();
    let reference = Fetched::new(api::reference);
    view! {
        <div class="app-sign-in-guide">
                {move || {
                    match reference.get() {
                        None => view! { <p>{i18n.t(Text::Loading)}</p> }.into_any(),
                        Some(answer) => match answer {
                            Ok(reference) => view! { <WorkplaceGuide reference /> }.into_any(),
                            Err(_) => {
                                view! {
                                    <div class="app-alert" role="alert">
                                        <p>{i18n.t(Text::LoadFailed)}</p>
                                        <button type="button" on:click=move |_| reference.reload()>
                                            {i18n.t(Text::Retry)}
                                        </button>
                                    </div>
                                }
                                    .into_any()
                            }
                        },
                    }
                }}
        </div>
    }
}
