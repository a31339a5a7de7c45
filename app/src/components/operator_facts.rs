//! The operator's facts (`GET /api/operator`) for the accessibility statement and the privacy
//! notice: fetched when one of them opens, shown by the page once here; "loading" before, and a
//! retry if the request failed. In development the facts are examples, and this says so.

use contract::body::OperatorResponse;
use leptos::prelude::*;

use crate::api;
use crate::fetched::Fetched;
use crate::i18n::{Text, use_i18n};

/// The page's body that needs the facts.
#[component]
pub fn OperatorFacts<F, V>(
    /// What the page shows once the facts are here.
    body: F,
) -> impl IntoView
where
    F: Fn(OperatorResponse) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let facts = Fetched::new(api::operator);
    move || match facts.get() {
        None => view! { <p>{i18n.t(Text::Loading)}</p> }.into_any(),
        Some(Ok(facts)) => {
            let examples = facts.examples.then(|| {
                view! {
                    <p class="app-alert app-alert--info">{i18n.t(Text::OperatorExamplesNote)}</p>
                }
            });
            view! {
                {examples}
                {body(facts)}
            }
            .into_any()
        }
        Some(Err(_)) => view! {
            <div class="app-alert" role="alert">
                <p>{i18n.t(Text::LoadFailed)}</p>
                <button type="button" on:click=move |_| facts.reload()>
                    {i18n.t(Text::Retry)}
                </button>
            </div>
        }
        .into_any(),
    }
}
