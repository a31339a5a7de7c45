//! The agency officer's registrar applications awaiting a decision, oldest first: each with its
//! applicant, points and training certificate (downloaded, never shown inline); granting gives
//! the rights at each point applied for, a rejection needs a reason, and the applicant is told
//! by email either way.

use contract::admin::{AccountSummary, RegistrarApplication};
use domain::administration::DecisionInput;
use leptos::prelude::*;

use crate::api;
use crate::i18n::{Text, t, use_title};
use crate::paged::{Paged, ShowMore};
use crate::pages::contracts::{Deciding, REJECT_INPUT, RejectForm, Rejecting};
use crate::pages::registrar_application::ApplicationRow;
use crate::pages::{here, not_loaded};
use crate::widgets::{ActionMenu, MenuAction, MenuItem, RowAction, RowStatus};

/// The page.
#[component]
pub fn RegistrarApplicationsPage() -> impl IntoView {
    use_title(Text::RegistrarApplicationsTitle, Signal::derive(|| false));
    let applications = Paged::<RegistrarApplication>::new();
    let owners = RwSignal::new(Vec::<AccountSummary>::new());
    let load = move |after: Option<i64>| {
        applications.load(after, move |after| async move {
            api::registrar_applications(after).await.map(|page| {
                owners.update(|known| known.extend(page.accounts));
                (page.applications, page.next_after)
            })
        });
    };
    load(None);
    let rejecting = RwSignal::new(None::<Rejecting>);
    let changed = Callback::new(move |()| load(None));
    view! {
        <h1>{t(Text::RegistrarApplicationsTitle)}</h1>
        <p>{t(Text::RegistrarApplicationsIntro)}</p>
        {move || {
            let state = applications.answer.get();
            if let Some(shown) = not_loaded(&state, here(), Callback::new(move |()| load(None))) {
                return shown;
            }
            let rows = applications.rows.get();
            if rows.is_empty() {
                return view! { <p>{t(Text::NothingToDecide)}</p> }.into_any();
            }
            view! {
                <ul class="admin-rows">
                    {rows
                        .into_iter()
                        .map(|application| {
                            let owner = owners.with_untracked(|known| {
                                known
                                    .iter()
                                    .find(|account| account.id == application.account_id)
                                    .map(|account| account.name.to_string())
                            });
                            view! { <Decided application=application owner=owner.unwrap_or_default() changed=changed rejecting=rejecting /> }
                        })
                        .collect_view()}
                </ul>
                <ShowMore next=applications.next load=Callback::new(load) />
            }
            .into_any()
        }}
    }
}

/// One application with the officer's decision.
#[component]
fn Decided(
    application: RegistrarApplication,
    owner: String,
    changed: Callback<()>,
    rejecting: RwSignal<Option<Rejecting>>,
) -> impl IntoView {
    let id = application.id;
    let action = RowAction::new(changed);
    let name = application
        .applicant_name
        .clone()
        .unwrap_or_else(|| application.email.to_string());
    let items = vec![
        MenuItem {
            label: Text::Grant,
            action: MenuAction::Run(action.callback(move || {
                api::decide_registrar_application(
                    id,
                    DecisionInput {
                        grant: true,
                        rejection_reason: None,
                    },
                )
            })),
        },
        MenuItem {
            label: Text::Reject,
            action: MenuAction::Run(Callback::new(move |()| {
                rejecting.set(Some(Rejecting::RegistrarApplication(id)));
                request_animation_frame(|| app::form::focus_by_id(REJECT_INPUT));
            })),
        },
    ];
    let menu_label = Signal::derive(move || format!("{}: {name}", t(Text::Actions)()));
    view! {
        <ApplicationRow application=application owner=owner>
            <ActionMenu label=menu_label items=items.clone() />
            <RowStatus action=action />
            <Show when=move || rejecting.get() == Some(Rejecting::RegistrarApplication(id))>
                <RejectForm
                    decide=Callback::new(move |reason: String| -> Deciding {
                        let request = api::decide_registrar_application(
                            id,
                            DecisionInput { grant: false, rejection_reason: Some(reason) },
                        );
                        Box::pin(async move { request.await.map(|_| ()) })
                    })
                    done=Callback::new(move |()| {
                        rejecting.set(None);
                        changed.run(());
                    })
                />
            </Show>
        </ApplicationRow>
    }
}
