//! The front page of the professionals' section: what it is and which sign-in method to use.

use leptos::prelude::*;

use crate::api;
use crate::components::workplace_guide::WorkplaceGuide;
use crate::i18n::{Text, use_i18n, use_page_title};

/// The front page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Text::SectionTitle);
    let reference = LocalResource::new(api::reference);
    view! {
        <h1>{i18n.t(Text::SectionTitle)}</h1>
        <div class="app-home__guide">
            <Transition fallback=move || view! { <p>{i18n.t(Text::Loading)}</p> }>
                {move || {
                    reference
                        .get()
                        .map(|answer| match answer {
                            Ok(reference) => view! { <WorkplaceGuide reference /> }.into_any(),
                            Err(_) => {
                                view! {
                                    <div class="app-alert" role="alert">
                                        <p>{i18n.t(Text::LoadFailed)}</p>
                                        <button type="button" on:click=move |_| reference.refetch()>
                                            {i18n.t(Text::Retry)}
                                        </button>
                                    </div>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </div>
    }
}
