//! The professionals' section itself: the content items the user's professional group may
//! see, grouped by kind, in the chosen language. The server filters; this page only shows
//! what it received.

use contract::ErrorCode;
use contract::body::ContentResponse;
use contract::links::identification_path;
use domain::content::ContentKind;
use leptos::prelude::*;

use crate::Page;
use crate::api;
use crate::fetched::Fetched;
use crate::i18n::{Text, use_i18n, use_page_title};
use crate::session::use_session;
use contract::paths;

/// The content list.
#[component]
pub fn ContentPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(Text::ContentTitle);
    let session = use_session();
    let content = Fetched::new(api::content);
    view! {
        <h1>{i18n.t(Text::ContentTitle)}</h1>
            {move || {
                match content.get() {
                    None => view! { <p>{i18n.t(Text::Loading)}</p> }.into_any(),
                    Some(answer) => match answer {
                        Ok(items) => view! { <ContentList content=items /> }.into_any(),
                        Err(error) if error.code() == Some(ErrorCode::Unauthenticated) => {
                            let sign_in = identification_path(Page::Content.path());
                            view! {
                                <p>
                                    <a href=sign_in>{i18n.t(Text::ContentSignInFirst)}</a>
                                </p>
                            }
                                .into_any()
                        }
                        Err(error) if error.code() == Some(ErrorCode::ProfileRequired) => {
                            let registered = session
                                .session
                                .with(|session| {
                                    session.as_ref().is_some_and(|s| s.registration.is_some())
                                });
                            let (href, link) = if registered {
                                (paths::PROFILE, Text::GoToProfile)
                            } else {
                                (paths::REGISTRATION, Text::GoToRegistration)
                            };
                            view! {
                                <p>{i18n.t(Text::ContentProfileFirst)}</p>
                                <p>
                                    <a href=href>{i18n.t(link)}</a>
                                </p>
                            }
                                .into_any()
                        }
                        Err(_) => {
                            view! {
                                <div class="app-alert" role="alert">
                                    <p>{i18n.t(Text::LoadFailed)}</p>
                                    <button type="button" on:click=move |_| content.reload()>
                                        {i18n.t(Text::Retry)}
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    },
                }
            }}
    }
}

/// The items, grouped by kind; a kind with no items for this group is left out.
#[component]
fn ContentList(content: ContentResponse) -> impl IntoView {
    let i18n = use_i18n();
    let content = StoredValue::new(content);
    let kinds = [
        (
            ContentKind::TreatmentProgramme,
            Text::ContentKindTreatmentProgramme,
        ),
        (
            ContentKind::SymptomQuestionnaire,
            Text::ContentKindSymptomQuestionnaire,
        ),
        (ContentKind::ReferralGuide, Text::ContentKindReferralGuide),
        (ContentKind::Training, Text::ContentKindTraining),
    ];
    let sections = move || {
        let language = i18n.language();
        kinds
            .iter()
            .filter_map(|(kind, heading)| {
                let items = content.with_value(|content| {
                    content
                        .items
                        .iter()
                        .filter(|item| item.kind == *kind)
                        .map(|item| {
                            view! {
                                <li class="app-content__item">
                                    <h3>{item.title.get(language).to_owned()}</h3>
                                    <p>{item.summary.get(language).to_owned()}</p>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()
                });
                (!items.is_empty()).then(|| {
                    view! {
                        <section class="app-content__kind">
                            <h2>{heading.get(language)}</h2>
                            <ul class="app-content__list">{items}</ul>
                        </section>
                    }
                })
            })
            .collect_view()
    };
    view! {
        <p>{i18n.t(Text::ContentLead)}</p>
        {sections}
    }
}
